// Workload 3: a small orders API behind an HTTP API.
exports.handler = async (event) => {
  const route = event.routeKey;
  console.log(JSON.stringify({ message: 'request', route, table: process.env.ORDERS_TABLE }));
  if (route === 'POST /orders') {
    return { statusCode: 201, body: JSON.stringify({ id: 'new' }) };
  }
  return { statusCode: 200, body: JSON.stringify(route === 'GET /orders' ? [] : { id: event.pathParameters && event.pathParameters.id }) };
};
