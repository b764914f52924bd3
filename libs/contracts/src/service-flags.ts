// How Node runs Qihe's services (the gateway and a site), wherever they are
// started: `npm start` and `npm run site` (package.json), the demo, the bench
// and the end-to-end tests all pass these, so what is measured and tested is
// what runs.
//
// --max-semi-space-size: V8's young generation, where a request's short-lived
// objects live. At the default (16 MB a semi-space) a group commit of 2,000
// touchpoints or a breakdown of 10,000 agents fills it several times per call,
// and what is still referenced (an answer being built) is copied into the old
// generation, whose collections are the expensive ones. 32 MB: the gateway's
// CPU per ingested touchpoint 0.893× (64 MB: 0.754×), with the resident size
// under the bench's feed within the run-to-run spread (424 MB against 373–431
// without it); 64 MB added ≈ 150 MB there (533–568 MB) and was not kept
// (docs/PERFORMANCE.md, "Young generation").
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];
