#!/usr/bin/env node
'use strict';
/**
 * An auth endpoint written the way Zoom's Meeting SDK sample is: express, its
 * JSON body parser, the cors package with its defaults, and jsrsasign's
 * KJUR.jws.JWS.sign for the HS256 signature. The yardstick of
 * scripts/bench-serve.mjs; not part of zoomsig (its packages are devDependencies).
 *
 *   ZOOM_MEETING_SDK_KEY=… ZOOM_MEETING_SDK_SECRET=… node scripts/express-sample-endpoint.cjs
 *
 * Listens on 127.0.0.1, on PORT or a free port, and prints "listening on http://…".
 */
const cors = require('cors');
const express = require('express');
const { KJUR } = require('jsrsasign');

const key = process.env.ZOOM_MEETING_SDK_KEY;
const secret = process.env.ZOOM_MEETING_SDK_SECRET;
const app = express();
app.use(express.json(), cors());
app.options('*', cors());

app.post('/', (req, res) => {
  const iat = Math.round(Date.now() / 1000) - 30;
  const exp = iat + 2 * 60 * 60;
  const payload = { sdkKey: key, mn: req.body.meetingNumber, role: req.body.role, iat, exp, appKey: key, tokenExp: exp };
  const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), secret);
  res.json({ signature, sdkKey: key });
});

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
