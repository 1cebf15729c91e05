// Runs the seed's setup script (seeds/001, "Session Timers") with the official Node SDK against a
// running CareClock, then call.update, call.get and call.end, and verifies what each step answers.
// Exits non-zero on any mismatch. Environment:
//   CARECLOCK_BASE_URL    the server's address, e.g. http://localhost:8080
//   CARECLOCK_API_KEY     the API key
//   CARECLOCK_API_SECRET  the API secret
// The script is idempotent: it succeeds on a fresh portal, against the demo data, and when run again.

import { StreamClient, OwnCapability } from '@stream-io/node-sdk';

const baseUrl = required('CARECLOCK_BASE_URL');
const apiKey = required('CARECLOCK_API_KEY');
const secret = required('CARECLOCK_API_SECRET');

let failures = 0;

// ---------------------------------------------------------------- the seed's setup script
// Edits against the seed's text, as current SDK releases need them:
//   1. OwnCapability instead of VideoOwnCapability;
//   2. upsertUsers takes an array of users;
//   3. createCallType takes one request object with the name inside (the SDK's createCallType(request);
//      called as createCallType('appointment', {...}) it would send an empty body).
// The results are kept so that they can be printed and checked; the calls are the seed's.

const client = new StreamClient(apiKey, secret, { basePath: baseUrl, timeout: 10000 });

// 1. Roles for a medical specialist (`specialist`) and a patient:
const specialistRole = await client.createRole({ name: 'specialist' });
const patientRole = await client.createRole({ name: 'patient' });

// 2. Call type with the maximum duration of 1 hour:
const callType = await client.video.createCallType({
  name: 'appointment',
  grants: {
    specialist: [
      OwnCapability.JOIN_CALL,
      OwnCapability.SEND_AUDIO,
      OwnCapability.SEND_VIDEO,
      // These capabilities are required to change session duration:
      OwnCapability.UPDATE_CALL,
      OwnCapability.UPDATE_CALL_SETTINGS,
    ],
    patient: [
      OwnCapability.JOIN_CALL,
      OwnCapability.SEND_AUDIO,
      OwnCapability.SEND_VIDEO,
    ],
  },
  settings: {
    limits: {
      // 3600 seconds = 1 hour
      max_duration_seconds: 3600,
    },
  },
});

// 3. Two test users:
const upserted = await client.upsertUsers([
  {
    id: 'dr-lecter',
    name: 'Dr. Hannibal Lecter',
    role: 'specialist',
  },
  {
    id: 'bill',
    name: 'Buffalo Bill',
    role: 'patient',
  },
]);

// 4. Test call:
const call = client.video.call('appointment', 'test-call');
const created = await call.create({
  data: {
    members: [{ user_id: 'dr-lecter' }, { user_id: 'bill' }],
    created_by_id: 'dr-lecter',
  },
});

// ---------------------------------------------------------------- then update, get, end

const updated = await call.update({
  settings_override: { limits: { max_duration_seconds: 5400 } },
});
const fetched = await call.get();
const ended = await call.end();
const afterEnd = await call.get();

// ---------------------------------------------------------------- a call with a waiting room, started with goLive
// (SPEC §10: settings_override.backstage, the call's backstage flag, POST .../go_live). A fresh id per
// run keeps the script repeatable.

const waitingCall = client.video.call('appointment', `waiting-${Date.now().toString(36)}`);
const waiting = await waitingCall.getOrCreate({
  data: {
    members: [{ user_id: 'dr-lecter' }, { user_id: 'bill' }],
    created_by_id: 'dr-lecter',
    settings_override: { backstage: { enabled: true, join_ahead_time_seconds: 300 } },
  },
});
const wentLive = await waitingCall.goLive();
const liveFetched = await waitingCall.get();

// ---------------------------------------------------------------- print and verify

print('createRole specialist', { name: specialistRole.role?.name });
print('createRole patient', { name: patientRole.role?.name });
print('createCallType appointment', {
  name: callType.name,
  grants: callType.grants,
  max_duration_seconds: callType.settings?.limits?.max_duration_seconds,
  session_timer: callType.settings?.session_timer,
});
print('upsertUsers', upserted.users);
print('call.create', summary(created));
print('call.update', summary(updated));
print('call.get', summary(fetched));
print('call.end', summary(ended));
print('call.get after end', summary(afterEnd));

expect('specialist role', specialistRole.role?.name, 'specialist');
expect('patient role', patientRole.role?.name, 'patient');
expect('call type name', callType.name, 'appointment');
expect('call type limit', callType.settings?.limits?.max_duration_seconds, 3600);
expect('specialist grants', sorted(callType.grants?.specialist),
  sorted(['join-call', 'send-audio', 'send-video', 'update-call', 'update-call-settings']));
expect('patient grants', sorted(callType.grants?.patient), sorted(['join-call', 'send-audio', 'send-video']));
expect('session timer defaults', callType.settings?.session_timer, {
  alert_thresholds_seconds: [1200, 300],
  extension_steps_seconds: [600, 1800],
  idle_timeout_seconds: 180,
  idle_prompt_seconds: 60,
  empty_timeout_seconds: 300,
});
expect('dr-lecter', upserted.users?.['dr-lecter'],
  { id: 'dr-lecter', name: 'Dr. Hannibal Lecter', role: 'specialist' });
expect('bill', upserted.users?.bill, { id: 'bill', name: 'Buffalo Bill', role: 'patient' });
expect('call cid', created.call?.cid, 'appointment:test-call');
expect('call members', sorted(created.members?.map((m) => m.user_id)), ['bill', 'dr-lecter']);
expect('call created by', created.call?.created_by?.id, 'dr-lecter');
expect('call.create answers created (boolean)', typeof created.created, 'boolean');
expect('server capabilities include change-max-duration',
  created.own_capabilities?.includes(OwnCapability.CHANGE_MAX_DURATION), true);
expect('update sets the duration', updated.call?.settings?.limits?.max_duration_seconds, 5400);
expect('get shows the duration', fetched.call?.settings?.limits?.max_duration_seconds, 5400);
expect('get shows the call', fetched.call?.cid, 'appointment:test-call');
expect('end answers the ended call', ended.call?.state, 'ENDED');
expect('ended_at is a date', afterEnd.call?.ended_at instanceof Date, true);
expect('the call stays ended', afterEnd.call?.state, 'ENDED');
expect('a call with a waiting room waits', waiting.call?.backstage, true);
expect('its waiting room settings', waiting.call?.settings?.backstage, { enabled: true, join_ahead_time_seconds: 300 });
expect('nothing started while it waits', waiting.call?.session ?? null, null);
expect('goLive answers the live call', wentLive.call?.backstage, false);
expect('goLive starts the session', liveFetched.call?.session?.started_at instanceof Date, true);
expect('goLive starts the timer', liveFetched.call?.session?.timer_ends_at instanceof Date, true);
expect('no deadline after the end', afterEnd.call?.session?.timer_ends_at ?? null, null);

// Refusals are errors the SDK reports with the wire code and status.
await expectError('a wrong secret', () =>
  new StreamClient(apiKey, `${secret}-wrong`, { basePath: baseUrl }).createRole({ name: 'patient' }), 43, 401);
await expectError('a different call type under an existing name', () =>
  client.video.createCallType({ name: 'appointment', settings: { limits: { max_duration_seconds: 60 } } }), 4, 409);
await expectError('an unknown call', () => client.video.call('appointment', 'no-such-call').get(), 16, 404);
await expectError('a negative duration', () =>
  call.update({ settings_override: { limits: { max_duration_seconds: -1 } } }), 4, 400);
await expectError('goLive on a live call', () => waitingCall.goLive(), 17, 403);
await waitingCall.end();
await expectError('goLive on an ended call', () => waitingCall.goLive(), 17, 403);
const typeAfter = await client.video.getCallType({ name: 'appointment' });
expect('a refused create changes nothing', typeAfter.settings?.limits?.max_duration_seconds, 3600);

if (failures > 0) {
  console.error(`\nSDK check FAILED: ${failures} mismatch(es)`);
  process.exit(1);
}
console.log('\nSDK check passed');

// ---------------------------------------------------------------- helpers

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name}`);
    process.exit(2);
  }
  return value;
}

function summary(response) {
  const c = response.call ?? {};
  return {
    created: response.created,
    cid: c.cid,
    state: c.state,
    created_by: c.created_by?.id,
    max_duration_seconds: c.settings?.limits?.max_duration_seconds,
    session: c.session
      ? { started_at: iso(c.session.started_at), timer_ends_at: iso(c.session.timer_ends_at) }
      : null,
    ended_at: iso(c.ended_at),
    end_reason: c.end_reason,
    members: response.members?.map((m) => `${m.user_id} (${m.role})`),
  };
}

function iso(date) {
  return date instanceof Date ? date.toISOString() : (date ?? null);
}

function sorted(list) {
  return Array.isArray(list) ? [...list].sort() : list;
}

function print(step, value) {
  console.log(`${step}: ${JSON.stringify(value)}`);
}

function expect(what, actual, wanted) {
  const a = JSON.stringify(actual);
  const w = JSON.stringify(wanted);
  if (a === w) {
    console.log(`ok   ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}: got ${a}, expected ${w}`);
  }
}

async function expectError(what, action, code, status) {
  try {
    await action();
    failures++;
    console.log(`FAIL ${what}: succeeded, expected error code ${code} (HTTP ${status})`);
  } catch (e) {
    const got = { code: e.code, status: e.metadata?.responseCode };
    if (got.code === code && got.status === status) {
      console.log(`ok   ${what} is refused: ${e.message}`);
    } else {
      failures++;
      console.log(`FAIL ${what}: got ${JSON.stringify(got)} (${e.message}), expected code ${code} (HTTP ${status})`);
    }
  }
}
