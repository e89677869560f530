exports.handler = async (event) => {
  console.log(JSON.stringify({ message: 'hello', event }));
  return { statusCode: 200, body: 'hello' };
};
