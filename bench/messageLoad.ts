/**
 * The load the benchmarks put on /api/messages: autocannon posting clinic questions with expectReplies, each
 * request in one of 500 conversations (so state is read and written for real and every turn is logged).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
import autocannon = require('autocannon');

/** Real clinic questions, typos and off-topic ones included, as the benchmarks send them. */
export const QUESTIONS: readonly string[] = [
  'what is dry needling?',
  'how does acupuncture work',
  "what's the difference between acupuncture and dry needling",
  'can dry needling help my tennis elbow',
  'does it help sciatica?',
  'i have plantar fasciitis',
  'what conditions do you treat',
  'are acupuncture and dry needling the same',
  'how much does it cost',
  'what are your opening hours',
  'can acupunture help with insomia',
  'which one should i choose',
  'what about golfers elbow',
  'hello',
  'thanks!',
  'what is the weather tomorrow',
];

export interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Drives the server on `port` for `seconds` with `connections` connections; `tag` prefixes activity and conversation ids. */
export function driveMessages(port: number, connections: number, seconds: number, questions: readonly string[], tag = 'bench'): Promise<Run> {
  let n = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/api/messages',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req: autocannon.Request) => {
              n++;
              const body = {
                type: 'message',
                id: `${tag}${n}`,
                text: questions[n % questions.length],
                channelId: 'webchat',
                serviceUrl: 'http://127.0.0.1:1',
                deliveryMode: 'expectReplies',
                conversation: { id: `${tag}-${n % 500}` },
                from: { id: `user-${n % 500}` },
                recipient: { id: 'bot' },
              };
              return { ...req, body: JSON.stringify(body) };
            },
          },
        ],
      },
      (err: Error | null, result: autocannon.Result) => {
        if (err) return reject(err);
        resolve({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx });
      },
    );
  });
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
