// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkSummaries, summaryProblem } = require('../../scripts/doc-summaries.js');

// The summary jsii takes from a doc comment (API.md, Construct Hub, Python and Java docs) must read as
// a whole sentence. scripts/doc-summaries.js explains the rules; `node scripts/doc-summaries.js` lists
// the offenders after a merge.

describe('summaryProblem', () => {
  test.each([
    ['Batches of messages from an SQS queue, with partial batch responses;', 'ends with ";"'],
    ['The settings of the trigger:', 'ends with ":"'],
    ['The settings of the trigger:.', 'ends with ":"'],
    ['Every queue, including', undefined],
    ['The function, its alias,', 'ends with ","'],
    ['A dead-letter queue (e.g.', 'ends with "e.g"'],
    ['The runtime and the', 'ends with "the"'],
    ['How long messages are kept (60 seconds to 14 days', 'unclosed "("'],
    ['The `live alias', 'unclosed "`"'],
  ])('%s', (summary, problem) => {
    expect(summaryProblem(summary)).toEqual(problem);
  });

  test.each([
    'Batches of messages from an SQS queue, with partial batch responses.',
    'The architectures the layer is built for.',
    'What a trigger reports back to the function it was added to.',
    'The CloudWatch dashboard (created at synth).',
  ])('stands alone: %s', (summary) => {
    expect(summaryProblem(summary)).toBeUndefined();
  });
});

test('every public doc summary in src/ stands alone', () => {
  const problems = checkSummaries().map((p: any) => `${p.file}:${p.line} ${p.name}: ${p.problem}: "${p.summary}"`);
  expect(problems).toEqual([]);
});
