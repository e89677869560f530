// Workload 9: Kafka order events (MSK). A thrown error fails the batch: Lambda retries it, then sends it
// to the trigger's on-failure destination (a 14-day FailureQueue).
exports.handler = async (event) => {
  for (const records of Object.values(event.records)) {
    for (const record of records) {
      const order = JSON.parse(Buffer.from(record.value, 'base64').toString('utf8'));
      if (!order.id) {
        throw new Error(`order without id at ${record.topic}/${record.partition}/${record.offset}`);
      }
    }
  }
};
