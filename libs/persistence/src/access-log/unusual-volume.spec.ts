import { isUnusualVolume, median } from './unusual-volume';

describe('unusual volumes in the access log', () => {
  it('takes the median of the previous weeks, missing weeks as 0', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(isUnusualVolume(10, [100, 100, 100, 100]).baselineMedian).toBe(50);
    expect(isUnusualVolume(10, [100, 100, 100, 100, 100, 100, 100, 100]).baselineMedian).toBe(100);
  });

  it('flags more than three times the own median when above 200 persons', () => {
    expect(isUnusualVolume(201, []).flagged).toBe(true);
    expect(isUnusualVolume(200, []).flagged).toBe(false);
    expect(isUnusualVolume(180, [10, 10, 10, 10, 10, 10, 10, 10]).flagged).toBe(false);
    const steady = [100, 100, 100, 100, 100, 100, 100, 100];
    expect(isUnusualVolume(300, steady).flagged).toBe(false);
    expect(isUnusualVolume(301, steady).flagged).toBe(true);
  });

  it('flags anything above the ceiling, however much the user usually reads', () => {
    const heavy = Array(8).fill(1_500);
    expect(isUnusualVolume(2_000, heavy).flagged).toBe(false);
    expect(isUnusualVolume(2_001, heavy).flagged).toBe(true);
  });
});
