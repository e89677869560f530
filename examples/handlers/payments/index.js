// Workload 9: payment messages from an Amazon MQ (ActiveMQ) queue. A thrown error makes the broker
// redeliver the batch; after its redeliveries a message lands in ActiveMQ.DLQ, which is alarmed.
exports.handler = async (event) => {
  for (const message of event.messages) {
    const payment = JSON.parse(Buffer.from(message.data, 'base64').toString('utf8'));
    if (!payment.amount) {
      throw new Error(`payment ${message.messageID} without amount`);
    }
  }
};
