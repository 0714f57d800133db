// The project brings Node 24 (devDependency `node`); fail fast if jest was started on another runtime.
module.exports = async () => {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) throw new Error(`tests need Node 24 (got ${process.version}); run them through npm scripts`);
};
