// The project's layers, checked by `npm run lint`: each layer imports only the ones below it.
//   contracts/ (what the API promises, shared wire types)
//     ← mock/, suites/checks/ + suites/scenarios/ (what is checked), suites/transport/ (the HTTP client)
//     ← suites/engine/ (the one run loop)
//     ← runners: suites/support/ + *.suite.ts (vitest), suites/sdk/ (gate), suites/live/
//     ← scripts/ (command lines)
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'contracts-stand-alone',
      comment: 'contracts/ is the bottom layer: it imports nothing of the project but itself.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: '^(mock|suites|scripts|test)/' },
    },
    {
      name: 'mock-on-contracts',
      comment: 'The mock keeps the contract: it knows contracts/ and nothing that checks it.',
      severity: 'error',
      from: { path: '^mock/' },
      to: { path: '^(suites|scripts|test)/' },
    },
    {
      name: 'checks-and-scenarios-are-pure',
      comment: 'What is checked knows the contract, not how a run sends or reports it.',
      severity: 'error',
      from: { path: '^suites/(checks|scenarios)/' },
      to: { path: '^(mock|scripts|test)/|^suites/(engine|transport|support|sdk|live)/' },
    },
    {
      name: 'transport-on-contracts',
      severity: 'error',
      from: { path: '^suites/transport/' },
      to: { path: '^(mock|scripts|test)/|^suites/(?!transport/)' },
    },
    {
      name: 'engine-below-runners',
      comment: 'The engine is used by the runners; it never reaches up to one.',
      severity: 'error',
      from: { path: '^suites/engine/' },
      to: { path: '^(mock|scripts|test)/|^suites/(support|sdk|live)/|^suites/[^/]+[.]suite[.]ts$' },
    },
    {
      name: 'runners-below-scripts',
      severity: 'error',
      from: { path: '^(suites|mock|contracts)/' },
      to: { path: '^(scripts|test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // TypeScript 7 has no compiler API for dependency-cruiser yet: swc parses the sources.
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
  },
}
