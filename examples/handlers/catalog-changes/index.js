// Workload 9: change events of the catalog's products collection (DocumentDB change stream).
exports.handler = async (event) => {
  for (const { event: change } of event.events) {
    console.log(JSON.stringify({ operation: change.operationType, id: change.documentKey?._id }));
  }
};
