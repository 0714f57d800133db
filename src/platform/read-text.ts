import type { Readable } from 'node:stream';

/**
 * A stream's bytes as UTF-8 text, at most `limit` bytes. Past the limit it pauses the stream and
 * rejects with `tooLarge()`; the caller then discards the rest (destroys the stream) or drains it.
 * It rejects with the stream's error if the stream fails, and with ERR_STREAM_PREMATURE_CLOSE if
 * the stream closes before its end.
 *
 * It listens for events rather than using `for await`: an async iterator builds its own machinery
 * for each stream, and every operation reads two streams, the request and the upstream's answer
 * (3–4 KB of the 135 KB a request allocated: bench/README.md).
 */
export function readText(stream: Readable, limit: number, tooLarge: () => Error): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    if (stream.errored) return reject(stream.errored);
    if (stream.destroyed) return reject(prematureClose());
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        stream.pause(); // no more is read until the caller drains or destroys it
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks, size).toString('utf8'));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      stop();
      reject(prematureClose());
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}

function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}
