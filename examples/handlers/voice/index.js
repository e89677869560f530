// Workload 8c: an Alexa custom skill's endpoint (answers within Alexa's 8 s).
exports.handler = async (event) => ({
  version: '1.0',
  response: {
    outputSpeech: { type: 'PlainText', text: event.request && event.request.type === 'LaunchRequest' ? 'Devices are fine.' : 'Sorry, I did not get that.' },
    shouldEndSession: true,
  },
});
