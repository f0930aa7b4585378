/**
 * The page of `zoomsig ui`: doctor, generate and explain, run by the core in
 * this browser. Nothing is sent anywhere (the page's CSP forbids any
 * connection) and nothing is stored; the inputs but the secrets live in the
 * URL fragment, which browsers never send.
 */
import { diagnoseToken, type DoctorOptions } from '../core/doctor.js';
import { ZOOM_ERROR_CODES } from '../core/error-codes.js';
import { isZoomsigError } from '../core/errors.js';
import { generateSignature, type SignatureOptions } from '../core/generate.js';
import { redactSecrets } from '../core/mask.js';
import { parseClock, parseDuration } from '../core/time.js';
import { diagnosisView } from './diagnosis-view.js';
import { byId, el } from './dom.js';
import { explainView, type Navigate } from './explain-view.js';
import { readFragment, writeFragment, type PageState } from './permalink.js';
import { setUpTabs } from './tabs.js';

const SECRET_LABEL = 'the secret you typed';

const field = <E extends HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement = HTMLInputElement>(id: string): E => byId<E>(id);
const doctorFields = {
  token: field<HTMLTextAreaElement>('token'),
  secret: field('secret'),
  key: field('key'),
  meeting: field('meeting'),
  role: field<HTMLSelectElement>('role'),
  sdk: field<HTMLSelectElement>('sdk'),
  error: field('error'),
  now: field('now'),
};
const verbose = field('verbose');
const subject = field('subject');

const tabs = setUpTabs(['doctor', 'generate', 'explain'], () => saveState());
const navigate: Navigate = {
  check: (id) => explain(id),
  code: (code) => explain(code),
  diagnose: (code) => {
    doctorFields.error.value = code;
    tabs.select('doctor');
    void runDoctor();
    doctorFields.token.focus();
  },
};

// Every Zoom error code the core knows, offered under the error fields.
byId('error-codes').append(...ZOOM_ERROR_CODES.flatMap((entry) => entry.codes).map((code) => el('option', { value: code })));
for (const form of document.querySelectorAll('form')) form.addEventListener('submit', (event) => event.preventDefault());

// Doctor: runs on every change, the newest run wins.
let doctorRun = 0;
async function runDoctor(): Promise<void> {
  const run = ++doctorRun;
  saveState();
  const out = byId('doctor-result');
  const input = doctorFields.token.value;
  if (input.trim() === '') {
    out.replaceChildren(el('p', { class: 'help' }, 'Paste a token above: the verdict and every finding show here as you type.'));
    out.setAttribute('aria-busy', 'false');
    return;
  }
  out.setAttribute('aria-busy', 'true');
  const secret = doctorFields.secret.value;
  const view = await shown(secret, async () => {
    const options: DoctorOptions = {
      now: clockOf(doctorFields.now.value),
      ...(secret !== '' && { secrets: [{ label: SECRET_LABEL, value: secret }] }),
      ...optional('key', doctorFields.key.value.trim()),
      ...(doctorFields.key.value.trim() !== '' && { keyLabel: 'the key you typed' }),
      ...optional('meeting', doctorFields.meeting.value.trim()),
      ...optional('role', doctorFields.role.value),
      ...(doctorFields.sdk.value === 'meeting' || doctorFields.sdk.value === 'video' ? { sdk: doctorFields.sdk.value } : {}),
      ...optional('error', doctorFields.error.value.trim()),
    };
    return diagnosisView(await diagnoseToken(input, options), { verbose: verbose.checked }, navigate);
  });
  if (run !== doctorRun) return;
  out.replaceChildren(view);
  out.setAttribute('aria-busy', 'false');
  announce('doctor-status', view);
}
for (const input of [...Object.values(doctorFields), verbose]) input.addEventListener('input', () => void runDoctor());

// Generate: on submit, with the secret typed in this form; then doctor on the new token.
const generateFields = {
  key: field('gen-key'),
  secret: field('gen-secret'),
  meeting: field('gen-meeting'),
  topic: field('gen-topic'),
  role: field<HTMLSelectElement>('gen-role'),
  expires: field('gen-expires'),
};
const kindOf = (): string => document.querySelector<HTMLInputElement>('input[name="gen-kind"]:checked')?.value ?? 'web';
function showGenerateFields(): void {
  for (const box of document.querySelectorAll<HTMLElement>('#generate-form [data-for]')) {
    box.hidden = !(box.dataset.for ?? '').split(' ').includes(kindOf());
  }
}
for (const radio of document.querySelectorAll('input[name="gen-kind"]')) radio.addEventListener('change', showGenerateFields);
showGenerateFields();

byId('generate-form').addEventListener('submit', () => void runGenerate());
async function runGenerate(): Promise<void> {
  const out = byId('generate-result');
  out.setAttribute('aria-busy', 'true');
  const secret = generateFields.secret.value;
  const view = await shown(secret, async () => {
    const kind = kindOf();
    const now = clockOf('');
    const common = { key: generateFields.key.value.trim(), secret, now, expiresInSeconds: parseDuration(generateFields.expires.value, 'the lifetime') };
    const options: SignatureOptions =
      kind === 'video'
        ? { ...common, sdk: 'video', topic: generateFields.topic.value, role: generateFields.role.value === '1' ? 1 : 0 }
        : kind === 'native'
          ? { ...common, native: true }
          : { ...common, meetingNumber: generateFields.meeting.value.trim(), role: generateFields.role.value === '1' ? 1 : 0 };
    const generated = await generateSignature(options);
    const diagnosis = await diagnoseToken(generated.signature, {
      now,
      secrets: [{ label: SECRET_LABEL, value: secret }],
      key: common.key,
      keyLabel: 'the key you typed',
      sdk: kind === 'video' ? 'video' : 'meeting',
    });
    return generatedView(generated.signature, generated.expiresAt, diagnosisView(diagnosis, { verbose: false }, navigate));
  });
  out.replaceChildren(view);
  out.setAttribute('aria-busy', 'false');
  announce('generate-status', view);
}

function generatedView(token: string, expiresAt: string, doctor: HTMLElement): HTMLElement {
  const box = el('textarea', { id: 'generated-token', rows: '4', readonly: '', spellcheck: 'false', 'aria-label': 'the new token' });
  box.value = token;
  const status = el('span', { class: 'help', role: 'status' });
  const copy = el('button', { type: 'button', id: 'copy-token' }, 'Copy');
  copy.addEventListener('click', () => {
    void copyText(box).then((done) => {
      status.textContent = done ? 'Copied.' : 'Select the token and copy it: this browser refused.';
    });
  });
  return el(
    'div',
    {},
    el('h2', {}, 'Your token'),
    box,
    el('p', { class: 'actions' }, copy, ' ', status),
    el('p', { class: 'help' }, `Valid until ${expiresAt}. Generate it on your server for each join; this one is for trying things.`),
    el('h2', {}, 'doctor on this token'),
    doctor,
  );
}

async function copyText(box: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(box.value);
    return true;
  } catch {
    box.select();
    return document.execCommand('copy');
  }
}

// Explain: an error code or a check id.
function explain(text: string): void {
  subject.value = text;
  tabs.select('explain');
  runExplain();
  byId('explain-result').focus();
}
function runExplain(): void {
  saveState();
  const text = subject.value.trim();
  byId('explain-result').replaceChildren(explainView(text, navigate));
}
subject.addEventListener('input', runExplain);

/**
 * Builds a view, turning a ZoomsigError (a bad clock, meeting number, error
 * code …) into its sentence, and masking the secret in whatever is shown.
 */
async function shown(secret: string, make: () => Promise<HTMLElement>): Promise<HTMLElement> {
  let view: HTMLElement;
  try {
    view = await make();
  } catch (error) {
    const message = isZoomsigError(error) ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    view = el('p', { class: 'problem' }, message);
  }
  if (secret !== '') redactTree(view, [secret, secret.trim()]);
  return view;
}

/** Tells a screen reader the verdict (or the problem), not the whole report. */
function announce(statusId: string, view: HTMLElement): void {
  const summary = view.querySelector('[data-verdict], .problem') ?? view;
  byId(statusId).textContent = (summary.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function redactTree(root: Node, secrets: readonly string[]): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    const masked = redactSecrets(text, secrets);
    if (masked !== text) node.nodeValue = masked;
  }
}

/** The clock field: Unix seconds or ISO 8601, else this browser's clock. */
function clockOf(text: string): number | Date {
  return text.trim() === '' ? new Date() : parseClock(text);
}

function optional<K extends string>(name: K, value: string): Partial<Record<K, string>> {
  return value === '' ? {} : ({ [name]: value } as Record<K, string>);
}

// The permalink: every input but the secrets, in the fragment.
function state(): PageState {
  return {
    tab: tabs.current(),
    token: doctorFields.token.value,
    key: doctorFields.key.value,
    meeting: doctorFields.meeting.value,
    role: doctorFields.role.value,
    sdk: doctorFields.sdk.value,
    error: doctorFields.error.value,
    now: doctorFields.now.value,
    verbose: verbose.checked,
    explain: subject.value,
  };
}
function saveState(): void {
  const secret = doctorFields.secret.value;
  const link = writeFragment(state(), secret === '' ? [] : [secret, secret.trim()]);
  byId<HTMLAnchorElement>('permalink').href = link;
  // Only when it changes (typing the secret does not): browsers limit how often a page may do this.
  if (new URL(link, location.href).href === location.href) return;
  try {
    history.replaceState(null, '', link);
  } catch {
    // Over the browser's limit: the link above still holds the inputs.
  }
}
function restoreState(): void {
  const saved = readFragment(location.hash);
  for (const name of ['token', 'key', 'meeting', 'role', 'sdk', 'error', 'now'] as const) doctorFields[name].value = saved[name] ?? '';
  verbose.checked = saved.verbose === true;
  subject.value = saved.explain ?? '';
  tabs.select(saved.tab ?? 'doctor');
}

// The HMAC work is WebCrypto's, which browsers give only to secure contexts (https, localhost, files).
if (globalThis.crypto?.subtle === undefined) {
  byId('doctor-form').before(
    el('p', { class: 'problem', role: 'alert' }, 'This browser gives the page no WebCrypto here (crypto.subtle), so no signature can be made or checked: open it from http://127.0.0.1, http://localhost, https or as a file.'),
  );
}

restoreState();
void runDoctor();
runExplain();
window.addEventListener('hashchange', () => {
  restoreState();
  void runDoctor();
  runExplain();
});

