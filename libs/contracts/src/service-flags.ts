// How Node runs Qihe's services (the gateway and a site), wherever they are
// started: `npm start` and `npm run site` (package.json), the demo, the bench
// and the end-to-end tests all pass these, so what is measured and tested is
// what runs.
//
// --max-semi-space-size: V8's young generation, where a request's short-lived
// objects live. At the default (16 MB a semi-space) a breakdown of 10,000
// agents or a group-commit of 2,000 touchpoints fills it several times per
// call, and what is still referenced (an answer being built) is copied into
// the old generation, whose collections are the expensive ones. With 64 MB the
// group's AGENT breakdown at 1 M touchpoints took 424 instead of 641 ms (p50 of
// 50 calls) and ingest 193 instead of 211 µs of gateway CPU per touchpoint
// (docs/PERFORMANCE.md, "Young generation"). It costs up to 3 × 48 MB more
// resident memory per process under load, none when idle.
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
