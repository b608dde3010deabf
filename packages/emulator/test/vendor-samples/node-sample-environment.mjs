// Preloaded (`node --import`) before a vendor Node.js sample so that the sample's own text runs
// unchanged against the emulator on loopback. It supplies what the sample assumes and the test
// machine lacks, nothing else:
// 1. `sha256`: the samples call `crypto.createHmac(sha256, key)` with an undefined identifier
//    (API.md 5.19); a global string `'sha256'` is what they meant.
// 2. HTTPS on port 443 of `<domain_name>`: `https.request` (the very object the sample's
//    `require('https')` returns) is pointed at the emulator's plain-HTTP loopback port
//    (CENTAGATE_SAMPLE_PORT), keeping the sample's method, path, headers and body.
import http from 'node:http'
import https from 'node:https'

globalThis.sha256 = 'sha256'
const port = Number(process.env.CENTAGATE_SAMPLE_PORT)
https.request = (options, callback) =>
  http.request({ ...options, port, protocol: 'http:' }, callback)
