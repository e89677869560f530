// Workload 8b: error lines of the telemetry function, delivered by a CloudWatch Logs subscription.
const zlib = require('zlib');

exports.handler = async (event) => {
  const batch = JSON.parse(zlib.gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf8'));
  if (batch.messageType === 'CONTROL_MESSAGE') {
    return; // CloudWatch Logs checks that the destination is reachable.
  }
  for (const line of batch.logEvents) {
    console.log(JSON.stringify({ message: 'alert', logGroup: batch.logGroup, line: line.message }));
  }
};
