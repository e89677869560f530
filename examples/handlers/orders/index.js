const { greet } = require('greeting'); // from the shared layer

exports.handler = async (event) => {
  // DB_SECRET_ARN and API_KEY_PARAMETER hold references, never values: read them with the AWS SDK.
  console.log(JSON.stringify({ message: greet('orders'), secret: process.env.DB_SECRET_ARN, event }));
  return { statusCode: 200, body: 'ok' };
};
