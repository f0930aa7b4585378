#!/usr/bin/env node
'use strict';
/**
 * An auth endpoint written the way Zoom's Meeting SDK sample is
 * (zoom/meetingsdk-auth-endpoint-sample, src/index.js): express, its JSON
 * body parser, the cors package with its defaults, the body's numeric strings
 * coerced and its properties validated as the sample's validations.js does
 * (role 0 or 1, expirationSeconds from 1800 to 172800, meetingNumber and role
 * both or neither), the credentials read from process.env on each request,
 * and jsrsasign's KJUR.jws.JWS.sign for the HS256 signature. Our own few lines,
 * the yardstick of scripts/bench-serve.mjs; not part of zoomsig (its packages
 * are devDependencies).
 *
 *   ZOOM_MEETING_SDK_KEY=… ZOOM_MEETING_SDK_SECRET=… node scripts/express-sample-endpoint.cjs
 *
 * Listens on 127.0.0.1, on PORT or a free port, and prints "listening on http://…".
 */
const cors = require('cors');
const express = require('express');
const { KJUR } = require('jsrsasign');

const app = express();
app.use(express.json(), cors());
app.options('*', cors());

/** The numeric strings of the body as numbers, as the sample coerces them. */
function coerce(body) {
  const out = { ...body };
  for (const name of ['role', 'expirationSeconds']) if (typeof body[name] === 'string') out[name] = parseInt(body[name], 10);
  return out;
}

/** The sample's checks, each problem as { property, reason }. */
function problems(body) {
  const found = [];
  const present = (name) => body[name] !== undefined;
  if (present('meetingNumber') !== present('role')) found.push({ property: '$schema', reason: 'meetingNumber and role: all or none' });
  const number = (name, ok, reason) => {
    const value = body[name];
    if (value === undefined) return;
    if (typeof value !== 'number' || Number.isNaN(value)) found.push({ property: name, reason: `Value ${value} not allowed, must be of type number` });
    else if (!ok(value)) found.push({ property: name, reason });
  };
  number('role', (value) => [0, 1].includes(value), 'expected 0 or 1');
  number('expirationSeconds', (value) => value >= 1800 && value <= 172800, 'Value must in between 1800 and 172800');
  return found;
}

app.post('/', (req, res) => {
  const body = coerce(req.body);
  const errors = problems(body);
  if (errors.length > 0) return res.status(400).json({ errors });
  const iat = Math.floor(Date.now() / 1000);
  const exp = body.expirationSeconds ? iat + body.expirationSeconds : iat + 2 * 60 * 60;
  const payload = {
    appKey: process.env.ZOOM_MEETING_SDK_KEY,
    sdkKey: process.env.ZOOM_MEETING_SDK_KEY,
    mn: body.meetingNumber,
    role: body.role,
    iat,
    exp,
    tokenExp: exp,
  };
  return res.json({ signature: KJUR.jws.JWS.sign(null, { alg: 'HS256', typ: 'JWT' }, JSON.stringify(payload), process.env.ZOOM_MEETING_SDK_SECRET) });
});

const server = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
