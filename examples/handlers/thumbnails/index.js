// Workload 1: an object landed in uploads/; record its metadata (the layer's helper sizes the thumbnail).
const { resize } = require('imaging');

exports.handler = async (event) => {
  const { bucket, object } = event.detail;
  const thumb = resize(1920, 1080, 256);
  console.log(JSON.stringify({ message: 'thumbnail planned', bucket: bucket.name, key: object.key, thumb }));
  return { key: object.key, table: process.env.METADATA_TABLE, thumb };
};
