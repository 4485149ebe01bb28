// Hive Gateway for the benchmark: its defaults, plus passing the client's pre-signed
// x-viewer-context header on to every subgraph fetch (the subgraphs refuse requests without it).
const { defineConfig } = require('@graphql-hive/gateway');

module.exports.gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      'x-viewer-context': request.headers.get('x-viewer-context') ?? '',
    }),
  },
});
