/**
 * <careclock-countdown>: renders the time left until a server-given deadline.
 *
 * The server sets `data-ends-at` (the deadline, epoch milliseconds; absent without a timer) and
 * `data-server-now` (the server's clock when it sent them). The element never trusts the
 * browser's wall clock: it anchors the server's "now" to the monotonic performance clock at the
 * moment the attributes arrive, so a wrong client clock does not matter, and it re-renders at
 * once when a throttled background tab becomes visible again. The per-second text is not
 * announced to screen readers (aria-live="off"); alerts are announced elsewhere.
 *
 * When the page becomes visible again it fires `careclock-resync`, and the server answers with a
 * fresh `data-server-now` (a computer that slept may have paused the monotonic clock).
 *
 * Its words come from the server, in the page's language: `aria-label` and `data-no-limit-text`.
 *
 * Optional `data-warn-at` / `data-danger-at` (seconds) switch `data-level` from "ok" to "warn"
 * and "danger"; at zero it is "expired".
 */
class CareClockCountdown extends HTMLElement {
  static get observedAttributes() {
    return ['data-ends-at', 'data-server-now', 'data-warn-at', 'data-danger-at'];
  }

  constructor() {
    super();
    this._anchorServer = Date.now();
    this._anchorPerf = performance.now();
    this._anchored = false;
    this._timer = null;
    this._onVisible = () => {
      this._render();
      if (document.visibilityState === 'visible') {
        // The monotonic clock may have paused (a sleeping computer): ask the server for its time.
        this.dispatchEvent(new CustomEvent('careclock-resync'));
      }
    };
  }

  connectedCallback() {
    this.setAttribute('role', 'timer');
    this.setAttribute('aria-live', 'off');
    document.addEventListener('visibilitychange', this._onVisible);
    this._timer = setInterval(() => this._render(), 250);
    this._render();
  }

  disconnectedCallback() {
    document.removeEventListener('visibilitychange', this._onVisible);
    clearInterval(this._timer);
    this._timer = null;
  }

  attributeChangedCallback(name) {
    if (name === 'data-server-now') {
      const serverNow = Number(this.getAttribute('data-server-now'));
      const perfNow = performance.now();
      // A value arrives after the server sent it, so it says only that the server's clock is at
      // least that now. Keep the latest such bound: a push that waited (in a frozen background
      // tab, on a slow network) must not set the page's idea of the server's clock back.
      if (Number.isFinite(serverNow) && serverNow > 0
          && (!this._anchored || serverNow - perfNow > this._anchorServer - this._anchorPerf)) {
        this._anchorServer = serverNow;
        this._anchorPerf = perfNow;
        this._anchored = true;
      }
    }
    this._render();
  }

  /** The server's clock now, as best this page knows it. */
  serverNow() {
    return this._anchorServer + (performance.now() - this._anchorPerf);
  }

  /** Milliseconds left, or null without a deadline. */
  remainingMs() {
    const endsAt = Number(this.getAttribute('data-ends-at'));
    if (!this.hasAttribute('data-ends-at') || !Number.isFinite(endsAt)) {
      return null;
    }
    return Math.max(0, endsAt - this.serverNow());
  }

  _render() {
    const remaining = this.remainingMs();
    let text;
    let level;
    if (remaining === null) {
      text = this.getAttribute('data-no-limit-text') || '';
      level = 'none';
    } else {
      const total = Math.ceil(remaining / 1000);
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      const mm = String(m).padStart(2, '0');
      const ss = String(s).padStart(2, '0');
      text = h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
      const warnAt = Number(this.getAttribute('data-warn-at') || 0);
      const dangerAt = Number(this.getAttribute('data-danger-at') || 0);
      level = total <= 0 ? 'expired' : total <= dangerAt ? 'danger' : total <= warnAt ? 'warn' : 'ok';
      this.dataset.remainingSeconds = String(total);
    }
    if (this.textContent !== text) {
      this.textContent = text;
    }
    if (this.dataset.level !== level) {
      this.dataset.level = level;
    }
  }
}

if (!customElements.get('careclock-countdown')) {
  customElements.define('careclock-countdown', CareClockCountdown);
}
