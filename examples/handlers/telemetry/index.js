// Workload 8a: MQTT telemetry selected by an AWS IoT rule (invoked asynchronously).
exports.handler = async (event) => {
  console.log(JSON.stringify({ message: 'telemetry', device: event.device, temperature: event.temperature }));
  if (typeof event.temperature === 'number' && event.temperature > 90) {
    console.error(JSON.stringify({ message: 'ERROR overheating device', device: event.device }));
  }
};
