// Workload 6a: react to customer changes from the table's stream.
exports.handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    console.log(JSON.stringify({ message: 'change', type: record.eventName, keys: record.dynamodb && record.dynamodb.Keys }));
  }
  return { batchItemFailures };
};
