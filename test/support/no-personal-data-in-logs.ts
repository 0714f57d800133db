import { BUYER_DATA, CAPTURED_LINES } from './logs';

// Runs after every test file (jest setupFilesAfterEnv): what the file's servers logged holds no buyer data.
afterAll(() => {
  const leaks = CAPTURED_LINES.filter((line) => BUYER_DATA.some((b) => line.includes(b)));
  expect(leaks.map((l) => l.slice(0, 300))).toEqual([]);
});
