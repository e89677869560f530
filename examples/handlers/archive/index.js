// Workload 8e: index each archived telemetry file that Firehose delivered (S3 through EventBridge).
exports.handler = async (event) => {
  console.log(JSON.stringify({ message: 'archived', key: event.detail.object.key, size: event.detail.object.size }));
};
