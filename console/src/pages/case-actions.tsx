import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import {
  type CaseDetailFieldsFragment,
  type CaseStatus,
  ConsoleAddNoteDocument,
  ConsoleEscalateDocument,
  ConsoleLowerSeverityDocument,
  ConsoleReopenDocument,
  ConsoleSetStatusDocument,
  ConsoleSubmitSurveyDocument,
  type Severity,
} from '../graphql/graphql';
import { ActionForm } from '../ui/action-form';
import { DateTime } from '../ui/date-time';
import { STATUS } from '../ui/labels';
import type { Viewer } from '../viewer';

const LOWER: Record<Severity, Severity[]> = { A: ['B', 'C'], B: ['C'], C: [] };

/** What this viewer may do with the case now; the gateway still decides, and says why not. */
export function CaseActions({ kase, viewer }: { kase: CaseDetailFieldsFragment; viewer: Viewer }) {
  const caseId = kase.id;
  const closed = kase.status === 'CLOSED';
  const [addNote] = useMutation(ConsoleAddNoteDocument);
  const [setStatus] = useMutation(ConsoleSetStatusDocument);
  const [reopen] = useMutation(ConsoleReopenDocument);
  const [escalate] = useMutation(ConsoleEscalateDocument);
  const [survey] = useMutation(ConsoleSubmitSurveyDocument);
  const reopenable =
    closed && !!kase.reopenableUntil && Date.parse(kase.reopenableUntil) > Date.now();
  const ourCase = viewer.partner && kase.onBehalfOf?.id === viewer.partner.id;
  return (
    <section aria-labelledby="actions-title" className="actions">
      <h2 id="actions-title">Actions</h2>
      {!closed && (
        <ActionForm
          title={viewer.supportEngineer ? 'Respond' : 'Add a note'}
          textLabel="Note"
          submitLabel={viewer.supportEngineer ? 'Send response' : 'Add note'}
          run={(body) => addNote({ variables: { caseId, body } })}
        />
      )}
      {viewer.supportEngineer && !closed && <EngineerActions kase={kase} />}
      {!viewer.supportEngineer && !closed && (
        <form
          className="action"
          aria-label="Close the case"
          onSubmit={(e) => {
            e.preventDefault();
            void setStatus({ variables: { caseId, status: 'CLOSED' } });
          }}
        >
          <h3>Close the case</h3>
          <button type="submit">Close the case</button>
        </form>
      )}
      {reopenable && (
        <ActionForm
          id="reopen"
          title="Reopen"
          textLabel="Why reopen it?"
          submitLabel="Reopen the case"
          run={(reason) => reopen({ variables: { caseId, reason } })}
        >
          <p>
            Possible until <DateTime value={kase.reopenableUntil} />.
          </p>
        </ActionForm>
      )}
      {closed && !kase.survey && !viewer.supportEngineer && (
        <Survey run={(rating, comment) => survey({ variables: { caseId, rating, comment } })} />
      )}
      {kase.survey && (
        <p>
          Survey: {kase.survey.rating} of 5{kase.survey.comment ? ` — ${kase.survey.comment}` : ''}
        </p>
      )}
      {ourCase && !kase.escalated && !closed && (
        <ActionForm
          title="Escalate to the provider"
          textLabel="Why escalate?"
          submitLabel="Escalate"
          run={(reason) => escalate({ variables: { caseId, reason } })}
        />
      )}
    </section>
  );
}

function EngineerActions({ kase }: { kase: CaseDetailFieldsFragment }) {
  const [setStatus] = useMutation(ConsoleSetStatusDocument);
  const [lower] = useMutation(ConsoleLowerSeverityDocument);
  const [status, setStatusChoice] = useState<CaseStatus>(kase.status);
  const lowerChoices = LOWER[kase.severity];
  const [choice, setSeverity] = useState<Severity | undefined>(lowerChoices[0]);
  // After a change (here or live), a stale choice falls back to the highest one still lower.
  const severity = choice && lowerChoices.includes(choice) ? choice : lowerChoices[0];
  return (
    <>
      <ActionForm
        title="Change status"
        textLabel="Note for the record (optional)"
        textRequired={false}
        submitLabel="Change status"
        run={() => setStatus({ variables: { caseId: kase.id, status } })}
      >
        <label htmlFor="new-status">New status</label>
        <select
          id="new-status"
          value={status}
          onChange={(e) => setStatusChoice(e.target.value as CaseStatus)}
        >
          {(Object.keys(STATUS) as CaseStatus[]).map((s) => (
            <option key={s} value={s}>
              {STATUS[s]}
            </option>
          ))}
        </select>
      </ActionForm>
      {severity && (
        <ActionForm
          title="Lower the severity"
          textLabel="Reason"
          submitLabel="Lower severity"
          run={(reason) => lower({ variables: { caseId: kase.id, severity, reason } })}
        >
          <label htmlFor="lower-to">Lower to</label>
          <select
            id="lower-to"
            value={severity}
            onChange={(e) => setSeverity(e.target.value as Severity)}
          >
            {lowerChoices.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </ActionForm>
      )}
    </>
  );
}

function Survey({ run }: { run: (rating: number, comment: string | null) => Promise<unknown> }) {
  const [rating, setRating] = useState(5);
  return (
    <ActionForm
      title="How did we do?"
      textLabel="Comment (optional)"
      textRequired={false}
      submitLabel="Send the survey"
      run={(comment) => run(rating, comment || null)}
    >
      <label htmlFor="rating">Rating, 1 (poor) to 5 (excellent)</label>
      <select id="rating" value={rating} onChange={(e) => setRating(Number(e.target.value))}>
        {[5, 4, 3, 2, 1].map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </ActionForm>
  );
}
