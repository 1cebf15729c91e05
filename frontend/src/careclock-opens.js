/**
 * <careclock-opens data-opens-at data-server-now>: keeps the button inside it disabled, with its
 * "opens at …" note, until the server's clock reaches `data-opens-at` (epoch ms). The server's
 * "now" is anchored to the browser's monotonic clock when the attributes arrive, so a wrong client
 * clock does not matter, and one timer fires at the instant: nothing ticks on the server.
 */
class CareClockOpens extends HTMLElement {
  static get observedAttributes() {
    return ['data-opens-at', 'data-server-now'];
  }

  connectedCallback() {
    this.style.display = 'inline-flex';
    this.style.alignItems = 'center';
    this.style.gap = 'var(--lumo-space-s)';
    this._schedule();
  }

  disconnectedCallback() {
    clearTimeout(this._timer);
  }

  attributeChangedCallback() {
    this._anchorServer = Number(this.getAttribute('data-server-now'));
    this._anchorPerf = performance.now();
    if (this.isConnected) this._schedule();
  }

  _schedule() {
    clearTimeout(this._timer);
    const opensAt = Number(this.getAttribute('data-opens-at'));
    const now = this._anchorServer + (performance.now() - this._anchorPerf);
    const open = !(opensAt > now);
    const button = this.querySelector('vaadin-button');
    const note = this.querySelector('.opens-note');
    if (button) button.toggleAttribute('disabled', !open);
    if (note) note.hidden = open;
    this.toggleAttribute('data-open', open);
    if (!open) {
      // Timers may fire late in a background tab; checking again when visible keeps it right.
      this._timer = setTimeout(() => this._schedule(), Math.min(opensAt - now, 60_000));
    }
  }
}

if (!customElements.get('careclock-opens')) {
  customElements.define('careclock-opens', CareClockOpens);
}
