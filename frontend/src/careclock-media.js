/**
 * <careclock-media>: the audio and video of one call page, on the browser's own WebRTC APIs.
 *
 * The server (the Java component MediaPanel) calls:
 *   start(setupJson, peersJson)  this page may take part: open the devices its role may send
 *                                (never others), then connect to every other media page
 *   peers(peersJson)             who carries media now, and what each sends (mic, camera)
 *   signal(fromPage, kind, payload)  an offer, answer or ICE candidate from another page
 *   stop()                       the session ended or the page leaves: close every connection and
 *                                stop every local track at once (also when the element leaves the page)
 * and the element calls back on the server: sendSignal(toPage, kind, payload), switched(audio, video).
 *
 * One RTCPeerConnection per other media page (a mesh), negotiated with the "perfect negotiation"
 * pattern: the newer page (higher page number) is polite and rolls back on glare. A connection
 * that fails restarts ICE by itself, and again when the browser comes back online; the tile says
 * `reconnecting` meanwhile. Everything is rendered in the light DOM so the page's styles, ids and
 * accessibility checks reach it.
 *
 * Words: the server sets `data-texts`, a JSON object of the page's texts in its language (the
 * bundles' `media.*` keys without the prefix; `{name}` and `{what}` are filled in here).
 *
 * Hooks: #local-video, #remote-video-<userId> (data-peer-state: connecting, connected,
 * reconnecting, failed, closed), #toggle-audio and #toggle-video (aria-pressed="true" while that
 * device is off), #device-settings, #media-error.
 */
const STATE = { new: 'connecting', connecting: 'connecting', connected: 'connected', disconnected: 'reconnecting',
  failed: 'reconnecting', closed: 'closed' };
const MAX_RESTARTS = 5;
const DISCONNECTED_GRACE_MS = 4000;
const CONNECT_TIMEOUT_MS = 6000;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  children.forEach((c) => node.append(c));
  return node;
}

class CareClockMedia extends HTMLElement {
  /** The text of `key` from the server's `data-texts`, with `{name}`-style `vars` filled in. */
  _t(key, vars = {}) {
    if (!this._texts) {
      try {
        this._texts = JSON.parse(this.dataset.texts || '{}');
      } catch (e) {
        this._texts = {};
      }
    }
    const text = this._texts[key] || key;
    return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? vars[name] : m));
  }

  constructor() {
    super();
    this._setup = null;
    this._peers = new Map();       // page -> {userId, displayName, audio, video}
    this._links = new Map();       // page -> {pc, polite, makingOffer, ignoreOffer, settingAnswer, tile, video, stream, restarts}
    this._local = new MediaStream();
    this._tracks = { audio: null, video: null };
    this._on = { audio: true, video: true };
    this._devices = { audio: '', video: '' };
    this._stopped = false;
    this._acquiring = false;
    this._latestPeers = null;
    this._pending = new Map();     // page -> messages that came before its connection
    this._onOnline = () => this._links.forEach((link) => {
      if (link.pc.connectionState !== 'connected') this._restart(link);
    });
  }

  connectedCallback() {
    window.addEventListener('online', this._onOnline);
    if (this._built) return;
    this._built = true;
    this.classList.add('media');
    this._stage = el('div', { class: 'media-tiles', role: 'list', 'aria-label': this._t('tiles') });
    this._waiting = el('p', { class: 'media-waiting', text: this._t('waiting') });
    this._selfVideo = el('video', { id: 'local-video', autoplay: true, playsinline: true, muted: true,
      'aria-label': this._t('own-camera') });
    this._selfVideo.muted = true;
    this._selfTile = el('figure', { class: 'media-tile self', 'data-video': 'on' }, this._selfVideo,
      el('div', { class: 'camera-off', text: this._t('own-camera-off') }),
      el('figcaption', { text: this._t('you') }));
    this._error = el('div', { id: 'media-error', class: 'media-error', role: 'alert', hidden: true });
    this._audioButton = this._button('toggle-audio', 'vaadin:microphone', this._t('microphone'), () => this._toggle('audio'));
    this._videoButton = this._button('toggle-video', 'vaadin:camera', this._t('camera'), () => this._toggle('video'));
    this._settingsButton = this._button('device-settings', 'vaadin:cog', this._t('devices'), () => this._toggleSettings());
    this._settingsButton.setAttribute('aria-expanded', 'false');
    this._settings = el('div', { class: 'media-settings', hidden: true, role: 'group', 'aria-label': this._t('devices-group') });
    this._controls = el('div', { class: 'media-controls' }, this._audioButton, this._videoButton, this._settingsButton);
    this.append(this._stage, this._waiting, this._selfTile, this._error, this._controls, this._settings);
    this._renderSwitches();
  }

  disconnectedCallback() {
    // A move within the page disconnects and reconnects at once; only an element that stays
    // out of the page (the page closed or navigated away) stops its media.
    queueMicrotask(() => {
      if (!this.isConnected) {
        window.removeEventListener('online', this._onOnline);
        this.stop();
      }
    });
  }

  _button(id, icon, label, action) {
    const button = el('vaadin-button', { id, theme: 'tertiary', 'aria-pressed': 'false' },
      el('vaadin-icon', { icon, slot: 'prefix' }), el('span', { text: label }));
    button.addEventListener('click', action);
    return button;
  }

  // ------------------------------------------------------------------ called by the server

  /** The waiting room's device check: own camera and microphone with a level meter, no connections. */
  async preview(setupJson) {
    const may = JSON.parse(setupJson);
    this._setup = { page: 0, mayAudio: may.mayAudio, mayVideo: may.mayVideo, iceServers: [], relayOnly: false };
    this._preview = true;
    this._stopped = false;
    this._showOwn();
    this._waiting.hidden = true;
    this._stage.hidden = true;
    this.classList.add('preview');
    await this._acquire();
    this._meter();
  }

  async start(setupJson, peersJson) {
    this._setup = JSON.parse(setupJson);
    this.dataset.page = String(this._setup.page);
    this._stopped = false;
    this._preview = false;
    this.classList.remove('preview');
    this._stage.hidden = false;
    this._showOwn();
    this._latestPeers = peersJson;
    this._acquiring = true;
    try {
      await this._acquire();
    } finally {
      this._acquiring = false;
    }
    if (this._stopped) return;
    this.peers(this._latestPeers);
  }

  peers(peersJson) {
    if (!this._setup || this._stopped) return;
    if (this._acquiring) {
      // Connect once the own devices are open: one negotiation that carries them.
      this._latestPeers = peersJson;
      return;
    }
    const list = JSON.parse(peersJson);
    const mine = this._setup.page;
    const present = new Map(list.filter((p) => p.page !== mine).map((p) => [p.page, p]));
    const meStill = list.some((p) => p.page === mine);
    for (const page of [...this._links.keys()]) {
      if (!present.has(page) || !meStill) this._close(page);
    }
    for (const page of [...this._pending.keys()]) {
      if (!present.has(page)) this._pending.delete(page);
    }
    this._peers = present;
    this.toggleAttribute('data-elsewhere', !meStill);
    this._waiting.textContent = !meStill
      ? this._t('elsewhere')
      : this._t('waiting');
    if (!meStill) return;
    for (const [page, peer] of present) {
      const link = this._links.get(page) || this._connect(page, peer);
      link.tile.dataset.audio = peer.audio ? 'on' : 'off';
      link.tile.dataset.video = peer.video ? 'on' : 'off';
      link.name.textContent = peer.displayName;
      link.placeholder.textContent = peer.displayName;
      link.mic.hidden = peer.audio;
    }
    this._waiting.hidden = this._links.size > 0;
  }

  /** Messages of one peer are handled one after the other: a candidate waits for the offer before it. */
  signal(fromPage, kind, payload) {
    if (this._stopped) return Promise.resolve();
    const link = this._links.get(fromPage);
    if (!link) {
      // The peer heard of this page before this page heard of it (or this page is still opening
      // its devices): keep the message for when the connection is made.
      const waiting = this._pending.get(fromPage) || [];
      if (waiting.length < 500) waiting.push([kind, payload]);
      this._pending.set(fromPage, waiting);
      return Promise.resolve();
    }
    link.queue = link.queue.then(() => this._handle(link, fromPage, kind, payload));
    return link.queue;
  }

  async _handle(link, fromPage, kind, payload) {
    if (this._stopped || this._links.get(fromPage) !== link) return;
    const pc = link.pc;
    try {
      if (kind === 'CANDIDATE') {
        try {
          await pc.addIceCandidate(JSON.parse(payload));
        } catch (e) {
          if (!link.ignoreOffer) throw e;
        }
        return;
      }
      const description = { type: kind === 'OFFER' ? 'offer' : 'answer', sdp: payload };
      const readyForOffer = !link.makingOffer && (pc.signalingState === 'stable' || link.settingAnswer);
      const collision = description.type === 'offer' && !readyForOffer;
      link.ignoreOffer = !link.polite && collision;
      if (link.ignoreOffer) return;
      link.settingAnswer = description.type === 'answer';
      await pc.setRemoteDescription(description);
      link.settingAnswer = false;
      if (description.type === 'offer') {
        await pc.setLocalDescription();
        this._sendDescription(fromPage, pc);
      }
    } catch (e) {
      console.warn('careclock-media: signalling with page', fromPage, 'failed', e);
    }
  }

  stop() {
    this._stopped = true;
    for (const page of [...this._links.keys()]) this._close(page);
    for (const kind of ['audio', 'video']) {
      if (this._tracks[kind]) this._tracks[kind].stop();
      this._tracks[kind] = null;
    }
    this._local.getTracks().forEach((t) => {
      t.stop();
      this._local.removeTrack(t);
    });
    if (this._selfVideo) this._selfVideo.srcObject = null;
    this.dataset.stopped = 'true';
  }

  /** Shows the own devices' controls as the role allows. */
  _showOwn() {
    this._audioButton.hidden = !this._setup.mayAudio;
    this._videoButton.hidden = !this._setup.mayVideo;
    this._selfTile.hidden = !this._setup.mayAudio && !this._setup.mayVideo;
    if (!this._setup.mayVideo) {
      this._selfTile.querySelector('.camera-off').textContent = this._t('audio-only');
    }
    this._settingsButton.hidden = this._selfTile.hidden;
  }

  /** A microphone level meter for the device check, from the live microphone track. */
  _meter() {
    const track = this._tracks.audio;
    if (!track || track.readyState !== 'live' || this._level) return;
    const meter = el('meter', { id: 'mic-level', min: '0', max: '1', value: '0', 'aria-label': this._t('mic-level') });
    this._level = el('label', { class: 'mic-level' }, el('span', { text: this._t('microphone') }), meter);
    this._controls.append(this._level);
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const tick = () => {
      if (this._stopped || !this._preview || track.readyState !== 'live') {
        context.close();
        this._level.remove();
        this._level = null;
        return;
      }
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      for (const s of samples) peak = Math.max(peak, Math.abs(s - 128) / 128);
      meter.value = peak;
      requestAnimationFrame(tick);
    };
    context.resume().catch(() => {});
    requestAnimationFrame(tick);
  }

  // ------------------------------------------------------------------ local devices

  /** Opens the devices the role may send and that are switched on; says what failed, keeps the call going. */
  async _acquire(only) {
    const live = (kind) => !only && this._tracks[kind] && this._tracks[kind].readyState === 'live';
    const want = {
      audio: this._setup.mayAudio && this._on.audio && (!only || only === 'audio') && !live('audio'),
      video: this._setup.mayVideo && this._on.video && (!only || only === 'video') && !live('video'),
    };
    const problems = [];
    const tryOpen = async (audio, video) => {
      if (!audio && !video) return null;
      const constraints = {
        audio: audio ? (this._devices.audio ? { deviceId: { exact: this._devices.audio } } : true) : false,
        video: video ? (this._devices.video ? { deviceId: { exact: this._devices.video } } : true) : false,
      };
      return navigator.mediaDevices.getUserMedia(constraints);
    };
    let stream = null;
    try {
      stream = await tryOpen(want.audio, want.video);
    } catch (both) {
      if (want.audio && want.video) {
        for (const kind of ['audio', 'video']) {
          try {
            const one = await tryOpen(kind === 'audio', kind === 'video');
            stream = stream || new MediaStream();
            one.getTracks().forEach((t) => stream.addTrack(t));
          } catch (e) {
            problems.push([kind, e]);
          }
        }
      } else {
        problems.push([want.audio ? 'audio' : 'video', both]);
      }
    }
    if (this._stopped) {
      if (stream) stream.getTracks().forEach((t) => t.stop());
      return;
    }
    if (stream) stream.getTracks().forEach((track) => this._useTrack(track.kind, track));
    this._showProblems(problems);
    this._renderSwitches();
    this._report();
  }

  _useTrack(kind, track) {
    const old = this._tracks[kind];
    if (old) {
      this._local.removeTrack(old);
      old.stop();
    }
    this._tracks[kind] = track;
    this._local.addTrack(track);
    if (this._selfVideo.srcObject !== this._local) this._selfVideo.srcObject = this._local;
    for (const link of this._links.values()) this._attach(link, kind);
  }

  /** Puts the kind's local track on the link's sender (adding one, which renegotiates, when there is none). */
  _attach(link, kind) {
    const track = this._tracks[kind];
    const on = this._on[kind] && track && track.readyState === 'live';
    const sender = link.senders[kind];
    if (sender) {
      sender.replaceTrack(on ? track : null).catch(() => {});
    } else if (on) {
      link.senders[kind] = link.pc.addTrack(track, this._local);
    }
  }

  _showProblems(problems) {
    this._error.replaceChildren();
    if (!problems.length) {
      this._error.hidden = true;
      return;
    }
    const which = problems.length === 2 ? 'both' : problems[0][0];
    const vars = { what: this._t(`what-${which}`), device: this._t(`device-${which}`) };
    const [, first] = problems[0];
    let advice;
    if (first && first.name === 'NotAllowedError') {
      advice = this._t('not-allowed', vars);
    } else if (first && (first.name === 'NotFoundError' || first.name === 'OverconstrainedError')) {
      advice = this._t('not-found', vars);
    } else if (first && first.name === 'NotReadableError') {
      advice = this._t('in-use', vars);
    } else {
      advice = this._t('not-opened', vars);
    }
    const goesOn = problems.length === 2 || (!this._setup.mayAudio || !this._setup.mayVideo)
      ? this._t('goes-on')
      : this._t('goes-on-without', vars);
    const retry = el('vaadin-button', { id: 'media-retry', theme: 'small primary' }, el('span', { text: this._t('retry') }));
    retry.addEventListener('click', () => this._acquire());
    this._error.append(el('span', { text: `${advice} ${goesOn}` }), retry);
    this._error.hidden = false;
  }

  async _toggle(kind) {
    this._on[kind] = !this._on[kind];
    if (this._on[kind]) {
      if (!this._tracks[kind] || this._tracks[kind].readyState !== 'live') {
        await this._acquire(kind);
      }
    } else if (kind === 'video' && this._tracks.video) {
      // Camera off means the camera is released (its light goes off), not a black picture.
      this._tracks.video.stop();
    }
    for (const link of this._links.values()) this._attach(link, kind);
    this._renderSwitches();
    this._report();
  }

  _renderSwitches() {
    const off = (kind) => !this._on[kind] || !this._tracks[kind] || this._tracks[kind].readyState !== 'live';
    this._audioButton.setAttribute('aria-pressed', String(off('audio')));
    this._videoButton.setAttribute('aria-pressed', String(off('video')));
    this._audioButton.querySelector('span').textContent = this._t(off('audio') ? 'microphone-off' : 'microphone-on');
    this._videoButton.querySelector('span').textContent = this._t(off('video') ? 'camera-off' : 'camera-on');
    this._selfTile.dataset.video = off('video') ? 'off' : 'on';
  }

  _report() {
    if (!this._setup || this._stopped || this._preview || !this.$server) return;
    const live = (kind) => this._on[kind] && !!this._tracks[kind] && this._tracks[kind].readyState === 'live';
    this.$server.switched(live('audio'), live('video'));
  }

  async _toggleSettings() {
    const open = this._settings.hidden;
    this._settings.hidden = !open;
    this._settingsButton.setAttribute('aria-expanded', String(open));
    if (!open) return;
    const devices = await navigator.mediaDevices.enumerateDevices();
    const select = (kind, label, id) => {
      const input = `${kind}input`;
      const current = this._tracks[kind] ? this._tracks[kind].getSettings().deviceId : this._devices[kind];
      const options = devices.filter((d) => d.kind === input).map((d, i) =>
        el('option', { value: d.deviceId, selected: d.deviceId === current, text: d.label || `${label} ${i + 1}` }));
      const box = el('select', { id }, ...options);
      box.addEventListener('change', () => {
        this._devices[kind] = box.value;
        if (this._on[kind]) this._acquire(kind);
      });
      return el('label', { class: 'media-device' }, el('span', { text: label }), box);
    };
    const parts = [];
    if (this._setup && this._setup.mayVideo) parts.push(select('video', this._t('camera'), 'camera-select'));
    if (this._setup && this._setup.mayAudio) parts.push(select('audio', this._t('microphone'), 'microphone-select'));
    this._settings.replaceChildren(...parts);
  }

  // ------------------------------------------------------------------ connections

  _connect(page, peer) {
    const pc = new RTCPeerConnection({
      iceServers: this._setup.iceServers.map((s) => (s.username
        ? { urls: s.urls, username: s.username, credential: s.credential } : { urls: s.urls })),
      iceTransportPolicy: this._setup.relayOnly ? 'relay' : 'all',
    });
    const video = el('video', { id: `remote-video-${peer.userId}`, autoplay: true, playsinline: true,
      'data-peer-state': 'connecting', 'aria-label': this._t('peer-camera', { name: peer.displayName }) });
    const name = el('span', { class: 'peer-name', text: peer.displayName });
    const mic = el('span', { class: 'mic-off', text: this._t('muted'), 'aria-label': this._t('peer-mic-off') });
    const state = el('span', { class: 'peer-state', 'aria-live': 'polite' });
    const placeholder = el('div', { class: 'camera-off', text: peer.displayName });
    const tile = el('figure', { class: 'media-tile', role: 'listitem', 'data-user': peer.userId },
      video, placeholder, el('figcaption', {}, name, mic, state));
    this._stage.append(tile);
    const stream = new MediaStream();
    video.srcObject = stream;
    const link = { pc, polite: this._setup.page > page, makingOffer: false, ignoreOffer: false, settingAnswer: false,
      tile, video, name, mic, state, placeholder, stream, senders: {}, restarts: 0, queue: Promise.resolve() };
    this._links.set(page, link);

    pc.ontrack = ({ track }) => {
      stream.getTracks().filter((t) => t.kind === track.kind).forEach((t) => stream.removeTrack(t));
      stream.addTrack(track);
      video.play().catch(() => {});
    };
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) this._send(page, 'CANDIDATE', JSON.stringify(candidate));
    };
    pc.onnegotiationneeded = async () => {
      try {
        link.makingOffer = true;
        await pc.setLocalDescription();
        // During glare the polite side's offer is rolled back and answered in _handle, which sends
        // the answer itself: send only an offer that is still the current one.
        if (pc.localDescription && pc.localDescription.type === 'offer') this._sendDescription(page, pc);
      } catch (e) {
        console.warn('careclock-media: offer to page', page, 'failed', e);
      } finally {
        link.makingOffer = false;
      }
    };
    pc.onconnectionstatechange = () => {
      const s = pc.connectionState;
      clearTimeout(link.grace);
      if (s === 'connected') link.restarts = 0;
      this._state(link, s === 'failed' && link.restarts >= MAX_RESTARTS ? 'failed' : STATE[s] || 'connecting');
      if (s === 'failed') this._restart(link);
      // A path that stays down a few seconds is not coming back by itself: look for a new one.
      if (s === 'disconnected') link.grace = setTimeout(() => this._restart(link), DISCONNECTED_GRACE_MS);
    };
    for (const kind of ['audio', 'video']) this._attach(link, kind);
    this._watchConnecting(link);
    const waiting = this._pending.get(page) || [];
    this._pending.delete(page);
    waiting.forEach(([kind, payload]) => this.signal(page, kind, payload));
    return link;
  }

  /**
   * A connection still not up a few seconds after it was made (a lost candidate, a negotiation
   * that crossed another) starts over with an ICE restart: new credentials, fresh candidates.
   */
  _watchConnecting(link) {
    clearTimeout(link.connecting);
    link.connecting = setTimeout(() => {
      if (this._stopped || link.pc.connectionState === 'connected' || link.pc.connectionState === 'closed') return;
      this._restart(link);
      if (link.restarts < MAX_RESTARTS) this._watchConnecting(link);
    }, CONNECT_TIMEOUT_MS);
  }

  _restart(link) {
    if (this._stopped || link.restarts >= MAX_RESTARTS || link.pc.connectionState === 'closed') return;
    link.restarts += 1;
    link.pc.restartIce();
  }

  _state(link, state) {
    link.video.setAttribute('data-peer-state', state);
    link.tile.dataset.peerState = state;
    link.state.textContent = ['connecting', 'reconnecting', 'failed'].includes(state) ? this._t(`state-${state}`) : '';
  }

  _close(page) {
    const link = this._links.get(page);
    if (!link) return;
    this._links.delete(page);
    clearTimeout(link.grace);
    clearTimeout(link.connecting);
    link.pc.ontrack = link.pc.onicecandidate = link.pc.onnegotiationneeded = link.pc.onconnectionstatechange = null;
    link.pc.close();
    link.stream.getTracks().forEach((t) => t.stop());
    link.video.srcObject = null;
    this._state(link, 'closed');
    link.tile.remove();
    if (this._waiting) this._waiting.hidden = this._links.size > 0;
  }

  /**
   * Sends the connection's current local description as what it is now: an offer made here may
   * already have been rolled back and replaced by an answer (glare), so its type is read, not assumed.
   */
  _sendDescription(page, pc) {
    const description = pc.localDescription;
    if (description && description.sdp) this._send(page, description.type === 'offer' ? 'OFFER' : 'ANSWER', description.sdp);
  }

  _send(page, kind, payload) {
    if (!this._stopped && this.$server) this.$server.sendSignal(page, kind, payload);
  }
}

if (!customElements.get('careclock-media')) {
  customElements.define('careclock-media', CareClockMedia);
}
