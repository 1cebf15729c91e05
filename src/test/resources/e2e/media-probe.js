// Watches a page's media through the standard APIs only, for the browser suite: every track
// getUserMedia returned (and the constraints asked), every RTCPeerConnection, and when tracks
// were stopped and connections closed. Runs before the page's own scripts.
(() => {
  if (!navigator.mediaDevices) return; // not a secure page (about:blank)
  const tracks = [];
  const pcs = [];
  const constraints = [];
  const stops = [];
  const devices = navigator.mediaDevices;
  const getUserMedia = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (c) => {
    constraints.push(JSON.parse(JSON.stringify(c)));
    if (window.__refuseMedia) {
      throw new DOMException('Permission denied', 'NotAllowedError');
    }
    const stream = await getUserMedia(c);
    stream.getTracks().forEach((t) => tracks.push(t));
    return stream;
  };
  const Original = window.RTCPeerConnection;
  function Watched(...args) {
    const pc = new Original(...args);
    pcs.push(pc);
    return pc;
  }
  Watched.prototype = Original.prototype;
  window.RTCPeerConnection = Watched;
  const stop = MediaStreamTrack.prototype.stop;
  MediaStreamTrack.prototype.stop = function () {
    if (this.readyState === 'live' && tracks.includes(this)) stops.push(Date.now());
    return stop.call(this);
  };
  const close = Original.prototype.close;
  Original.prototype.close = function () {
    if (this.signalingState !== 'closed') stops.push(Date.now());
    return close.call(this);
  };
  window.__media = {
    tracks, pcs, constraints, stops,
    /** Video frames decoded and audio packets received over every open connection. */
    async inbound() {
      let video = 0;
      let audio = 0;
      for (const pc of pcs) {
        if (pc.signalingState === 'closed') continue;
        (await pc.getStats()).forEach((r) => {
          if (r.type === 'inbound-rtp' && r.kind === 'video') video += r.framesDecoded || 0;
          if (r.type === 'inbound-rtp' && r.kind === 'audio') audio += r.packetsReceived || 0;
        });
      }
      return { video, audio };
    },
    /** The local candidate type of every open connection's selected pair (host, srflx, relay). */
    async candidateTypes() {
      const types = [];
      for (const pc of pcs) {
        if (pc.signalingState === 'closed') continue;
        const stats = await pc.getStats();
        stats.forEach((r) => {
          if (r.type === 'candidate-pair' && r.nominated && r.state === 'succeeded') {
            const local = stats.get(r.localCandidateId);
            if (local) types.push(local.candidateType);
          }
        });
      }
      return types;
    },
    liveTracks() {
      return tracks.filter((t) => t.readyState === 'live').map((t) => t.kind);
    },
    openConnections() {
      return pcs.filter((pc) => pc.signalingState !== 'closed').length;
    },
    lastStop() {
      return stops.length ? Math.max(...stops) : 0;
    },
    /** Resolves with the time (epoch ms) the first remote video frame was decoded, polling every 10 ms. */
    firstFrame() {
      return new Promise((resolve) => {
        const poll = async () => {
          if ((await this.inbound()).video > 0) resolve(Date.now());
          else setTimeout(poll, 10);
        };
        poll();
      });
    },
  };
})();
