// Workload 8d: a Firehose record transformer (echo each recordId with Ok, Dropped or ProcessingFailed).
exports.handler = async (event) => ({
  records: event.records.map((record) => {
    try {
      const reading = JSON.parse(Buffer.from(record.data, 'base64').toString('utf8'));
      const line = JSON.stringify({ device: reading.device, temperature: Number(reading.temperature), at: record.approximateArrivalTimestamp }) + '\n';
      return { recordId: record.recordId, result: 'Ok', data: Buffer.from(line).toString('base64') };
    } catch (error) {
      console.error(JSON.stringify({ message: 'ERROR unreadable record', recordId: record.recordId }));
      return { recordId: record.recordId, result: 'ProcessingFailed', data: record.data };
    }
  }),
});
