// Calls the bridge from Node: loads the protos from proto/ (no code generation) and asks for the
// server's version and the names of its containers.
//
//   node examples/node/list-containers.js [unix:/run/lxd-grpc-bridge/bridge.sock]
//
// The bridge's default listener is that unix socket, guarded by the owner, group and mode of
// LXD's own socket, so no TLS on it; a TCP listener needs TLS (grpc.credentials.createSsl).
"use strict";

const path = require("path");
const grpc = require("@grpc/grpc-js");
const protoLoader = require("@grpc/proto-loader");

const root = path.join(__dirname, "..", "..");
const definition = protoLoader.loadSync(
  ["lxd/api/v1/server_service.proto", "lxd/api/v1/container_service.proto"],
  {
    includeDirs: [path.join(root, "proto"), path.join(root, "third_party", "googleapis")],
    keepCase: true, // field names as in the proto: api_extensions, server_version
    longs: String, // int64 and uint64 as decimal strings: no precision lost
    defaults: true,
  },
);
const api = grpc.loadPackageDefinition(definition).lxd.api.v1;
const address = process.argv[2] || "unix:/run/lxd-grpc-bridge/bridge.sock";
const credentials = grpc.credentials.createInsecure();
const servers = new api.ServerService(address, credentials);
const containers = new api.ContainerService(address, credentials);

servers.GetServer({}, (err, reply) => {
  if (err) {
    console.error(`GetServer: ${err.code} ${err.details}`);
    process.exit(1);
  }
  const env = reply.server.environment;
  const family = env.server === "incus" ? "Incus" : "LXD";
  console.log(`${family} ${env.server_version}, API ${reply.server.api_version}`);
  containers.GetContainerNames({}, (err2, names) => {
    if (err2) {
      console.error(`GetContainerNames: ${err2.code} ${err2.details}`);
      process.exit(1);
    }
    console.log(`containers: ${names.names.join(" ") || "(none)"}`);
  });
});
