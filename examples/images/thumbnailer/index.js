exports.handler = async (event) => {
  console.log(JSON.stringify({ message: 'thumbnail requested', event }));
  return { ok: true };
};
