// Workload 2: aggregate clickstream records per page; report failed records for bisect/retry.
exports.handler = async (event) => {
  const counts = {};
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      const click = JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'));
      counts[click.page] = (counts[click.page] || 0) + 1;
    } catch (e) {
      batchItemFailures.push({ itemIdentifier: record.kinesis.sequenceNumber });
    }
  }
  console.log(JSON.stringify({ message: 'aggregated', pages: Object.keys(counts).length, table: process.env.AGGREGATES_TABLE }));
  return { batchItemFailures, state: counts };
};
