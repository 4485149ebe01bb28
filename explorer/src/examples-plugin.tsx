import { type GraphiQLPlugin, useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { EXAMPLES, type Example } from './examples';

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M4 5h16M4 12h16M4 19h10"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        fill="none"
      />
    </svg>
  );
}

function ExampleList() {
  const { addTab, setOperationFacts } = useGraphiQLActions();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const open = (example: Example) => {
    addTab();
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables);
    // GraphiQL learns which operation the editor holds from a debounced parse of it; a run
    // started before that sent the previous tab's operation (a subscription then went over
    // HTTP, not the websocket). The example's own facts are known now.
    const documentAST = parse(example.query);
    setOperationFacts({
      documentAST,
      operationName: example.name,
      operations: documentAST.definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      ),
    });
  };
  const files = [...new Set(EXAMPLES.map((e) => e.file))];
  return (
    <section className="examples" aria-labelledby="examples-title">
      <h2 id="examples-title" className="graphiql-doc-explorer-title">
        Contract operations
      </h2>
      <p>The operations our clients send. Each opens in a new tab with example variables.</p>
      {files.map((file) => (
        <section key={file} aria-label={file}>
          <h3>{file}</h3>
          <ul>
            {EXAMPLES.filter((e) => e.file === file).map((example) => (
              <li key={example.name}>
                <button type="button" onClick={() => open(example)}>
                  <span className="example-kind">{example.kind}</span> {example.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

export const examplesPlugin: GraphiQLPlugin = {
  title: 'Contract operations',
  icon: ExamplesIcon,
  content: ExampleList,
};
