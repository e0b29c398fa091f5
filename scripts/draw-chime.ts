// Writes src/public/chime.wav, the short chime played with a reopening alert (when "Play a sound"
// is on): two soft bell notes rising a major third, 0.7 s, 16 kHz mono 16-bit PCM (~22 KiB). Every
// browser plays WAV without a decoder library, and it is made here so nothing is fetched from anywhere.
// Run after changing it: node --import tsx scripts/draw-chime.ts
import { writeFileSync } from 'node:fs';

const RATE = 16_000;
const SECONDS = 0.7;
/** C6 then E6; the second starts while the first still rings. */
const NOTES = [
  { hz: 1046.5, at: 0 },
  { hz: 1318.5, at: 0.16 },
];
/** Partials of a soft bell: the fundamental and two quieter overtones that die away sooner. */
const PARTIALS = [
  { ratio: 1, gain: 1, decay: 6 },
  { ratio: 2, gain: 0.28, decay: 10 },
  { ratio: 3, gain: 0.08, decay: 14 },
];
const ATTACK_S = 0.004;
const PEAK = 0.6;

const samples = new Float64Array(Math.round(RATE * SECONDS));
for (const note of NOTES) {
  for (let i = Math.round(note.at * RATE); i < samples.length; i++) {
    const t = i / RATE - note.at;
    const attack = Math.min(1, t / ATTACK_S);
    for (const p of PARTIALS)
      samples[i] = (samples[i] ?? 0) + attack * p.gain * Math.exp(-p.decay * t) * Math.sin(2 * Math.PI * note.hz * p.ratio * t);
  }
}
// A short fade-out so the file never ends on a click.
const fade = Math.round(0.05 * RATE);
for (let i = 0; i < fade; i++) samples[samples.length - 1 - i] = (samples[samples.length - 1 - i] ?? 0) * (i / fade);
const loudest = samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);

const data = Buffer.alloc(samples.length * 2);
samples.forEach((s, i) => {
  data.writeInt16LE(Math.round((s / loudest) * PEAK * 32767), i * 2);
});
const header = Buffer.alloc(44);
header.write('RIFF', 0, 'ascii');
header.writeUInt32LE(36 + data.length, 4);
header.write('WAVE', 8, 'ascii');
header.write('fmt ', 12, 'ascii');
header.writeUInt32LE(16, 16); // PCM chunk size
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(RATE, 24);
header.writeUInt32LE(RATE * 2, 28); // bytes per second
header.writeUInt16LE(2, 32); // bytes per frame
header.writeUInt16LE(16, 34); // bits per sample
header.write('data', 36, 'ascii');
header.writeUInt32LE(data.length, 40);

const out = new URL('../src/public/chime.wav', import.meta.url);
writeFileSync(out, Buffer.concat([header, data]));
console.log(`chime.wav: ${44 + data.length} bytes, ${SECONDS} s`);
