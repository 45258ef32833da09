// The benchmarks' compiled client (tools/bench_facade.py, tools/bench_events.py): @grpc/grpc-js,
// so that what is measured is the server, not a Python client.
//
//   node tools/bench_node/client.js unary TARGET NAME CALLS CONCURRENCY
//     GetContainer(NAME) CALLS times from CONCURRENCY callers, responses kept as bytes (no
//     decoding, the same for every server); prints {"p50_ms", "p99_ms", "rps"} as JSON. With
//     BENCH_CA=FILE in the environment it speaks TLS, trusting that CA.
//   node tools/bench_node/client.js events TARGET STREAMS EVENTS TIMEOUT_S
//     Opens STREAMS GetEvents(types=[lifecycle]) streams, prints "ready" once every one has its
//     headers (subscribed), then reads until each has EVENTS events or TIMEOUT_S passes; prints
//     JSON: events per stream, whether each stream's timestamps only go forward, whether every
//     stream saw the same sequence, and the p50/p99 delay from LXD's event timestamp.
"use strict";

const fs = require("fs");
const path = require("path");
const grpc = require("@grpc/grpc-js");
const protoLoader = require("@grpc/proto-loader");

const root = path.join(__dirname, "..", "..");
// One HTTP/2 connection per this many streams (as many clients would have), so that one
// connection's stream limit and flow-control window are not what is measured.
const STREAMS_PER_CONNECTION = 100;

function channelOptions(i) {
  return { "grpc-node.use_local_subchannel_pool": 1, "grpc.bench_connection": i };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
}

function nowMs() {
  return performance.timeOrigin + performance.now();
}

// BENCH_CA=FILE: TLS to a server whose certificate that CA (PEM) signed; insecure without it.
function credentials() {
  const ca = process.env.BENCH_CA;
  return ca ? grpc.credentials.createSsl(fs.readFileSync(ca)) : grpc.credentials.createInsecure();
}

function unary(target, name, calls, concurrency) {
  const client = new grpc.Client(target, credentials(), channelOptions(0));
  const nameBytes = Buffer.from(name);
  // GetContainerRequest{name}: field 1, length-delimited.
  const request = Buffer.concat([Buffer.from([0x0a, nameBytes.length]), nameBytes]);
  const same = (b) => b;
  const latencies = [];
  let started = 0;
  const begin = nowMs();
  return new Promise((resolve, reject) => {
    let running = 0;
    const next = () => {
      if (started >= calls) {
        if (running === 0) {
          const seconds = (nowMs() - begin) / 1000;
          latencies.sort((a, b) => a - b);
          client.close();
          resolve({
            p50_ms: percentile(latencies, 0.5),
            p99_ms: percentile(latencies, 0.99),
            rps: calls / seconds,
          });
        }
        return;
      }
      started += 1;
      running += 1;
      const t0 = nowMs();
      client.makeUnaryRequest(
        "/lxd.api.v1.ContainerService/GetContainer", same, same, request,
        (err) => {
          running -= 1;
          if (err) return reject(err);
          latencies.push(nowMs() - t0);
          next();
        },
      );
    };
    for (let i = 0; i < concurrency; i++) next();
  });
}

function timestampMs(ts) {
  return Number(ts.seconds) * 1000 + ts.nanos / 1e6;
}

function events(target, streams, expected, timeoutS) {
  const definition = protoLoader.loadSync("lxd/api/v1/event_service.proto", {
    includeDirs: [path.join(root, "proto"), path.join(root, "third_party", "googleapis")],
    keepCase: true,
    longs: String,
  });
  const api = grpc.loadPackageDefinition(definition).lxd.api.v1;
  const clients = [];
  for (let i = 0; i * STREAMS_PER_CONNECTION < streams; i++) {
    clients.push(new api.EventService(target, grpc.credentials.createInsecure(), channelOptions(i)));
  }
  const seen = [];
  const delays = [];
  const errors = [];
  let ready = 0;
  let finished = 0;
  return new Promise((resolve) => {
    const calls = [];
    const finish = () => {
      for (const call of calls) call.cancel();
      for (const client of clients) client.close();
      delays.sort((a, b) => a - b);
      const first = seen[0] ? seen[0].stamps.join(",") : "";
      resolve({
        streams,
        counts: seen.map((s) => s.stamps.length),
        in_order: seen.every((s) => s.inOrder),
        same_sequence: seen.every((s) => s.stamps.join(",") === first),
        errors: errors.slice(0, 5),
        deliveries: delays.length,
        p50_ms: percentile(delays, 0.5),
        p99_ms: percentile(delays, 0.99),
        max_ms: delays.length ? delays[delays.length - 1] : null,
      });
    };
    const timer = setTimeout(finish, timeoutS * 1000);
    for (let i = 0; i < streams; i++) {
      const state = { stamps: [], inOrder: true, last: 0 };
      seen.push(state);
      const call = clients[Math.floor(i / STREAMS_PER_CONNECTION)].GetEvents({ types: ["lifecycle"] });
      calls.push(call);
      call.on("metadata", () => {
        ready += 1;
        if (ready === streams) process.stdout.write("ready\n");
      });
      call.on("data", (reply) => {
        const arrived = nowMs();
        const stamp = timestampMs(reply.event.timestamp);
        if (stamp < state.last) state.inOrder = false;
        state.last = stamp;
        state.stamps.push(`${reply.event.timestamp.seconds}.${reply.event.timestamp.nanos}`);
        delays.push(arrived - stamp);
        if (state.stamps.length === expected) {
          finished += 1;
          if (finished === streams) {
            clearTimeout(timer);
            finish();
          }
        }
      });
      call.on("error", (err) => {
        if (err.code !== grpc.status.CANCELLED) errors.push(`${err.code}: ${err.details}`);
      });
    }
  });
}

async function main() {
  const [mode, target, ...rest] = process.argv.slice(2);
  let result;
  if (mode === "unary") {
    const [name, calls, concurrency] = rest;
    result = await unary(target, name, Number(calls), Number(concurrency));
  } else if (mode === "events") {
    const [streams, expected, timeoutS] = rest.map(Number);
    result = await events(target, streams, expected, timeoutS);
  } else {
    throw new Error(`unknown mode ${mode}: unary or events`);
  }
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
