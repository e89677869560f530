// Workload 6b: subscribe to order events published on SNS.
exports.handler = async (event) => {
  for (const record of event.Records) {
    console.log(JSON.stringify({ message: 'order event', subject: record.Sns.Subject, attributes: record.Sns.MessageAttributes }));
  }
};
