// Workload 5: process invoices; report only the failed messages so the rest of the batch is not retried.
exports.handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      const invoice = JSON.parse(record.body);
      if (!invoice.id) {
        throw new Error('invoice without id');
      }
    } catch (e) {
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
