import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createArabicAnalyzer } from './arabic-analyzer.js';

describe('createArabicAnalyzer', () => {
  it('returns tokens, their normalized surface forms and their stems, index for index', () => {
    const { tokens, surface, stems } = createArabicAnalyzer().analyze('والمعلمينَ بالمدرسة، فالكتاب للطلاب!');
    assert.deepEqual(surface, ['والمعلمين', 'بالمدرسه', 'فالكتاب', 'للطلاب']);
    assert.deepEqual(stems, ['معلم', 'مدرس', 'كتاب', 'طلاب']);
    assert.equal(tokens.length, 4);
    tokens.forEach((t, i) => assert.equal(t.norm, surface[i]));
    assert.deepEqual(tokens[0], { norm: 'والمعلمين', start: 0, end: 10 });
  });

  it('normalizes protected names on the way in and never stems them', () => {
    const analyzer = createArabicAnalyzer(['الأسد', 'لاريجانيّ']);
    assert.deepEqual([...analyzer.protectedWords].sort(), ['الاسد', 'لاريجاني']);
    const { stems } = analyzer.analyze('الرئيس السوري بشار الأسد ولاريجاني');
    assert.deepEqual(stems, ['رييس', 'سور', 'بشار', 'الاسد', 'لاريجاني']);
  });

  it('protects each word of a multi-word entry', () => {
    const analyzer = createArabicAnalyzer(['بشار الأسد', 'Hürriyet Daily']);
    assert.deepEqual([...analyzer.protectedWords].sort(), ['hürriyet', 'daily', 'الاسد', 'بشار'].sort());
    assert.deepEqual(analyzer.analyze('بالأسد').stems, ['الاسد']);
  });

  it('stems the same names without protection', () => {
    assert.deepEqual(createArabicAnalyzer().analyze('الأسد لاريجاني').stems, ['اسد', 'لاريج']);
  });

  it('accepts any iterable of names, including a generator', () => {
    function* names(): Generator<string> {
      yield 'لاريجاني';
    }
    assert.deepEqual(createArabicAnalyzer(names()).analyze('لاريجاني').stems, ['لاريجاني']);
  });

  it('gives a query the same stems as the document it should find', () => {
    const analyzer = createArabicAnalyzer(['الأسد']);
    const doc = new Set(analyzer.analyze('التقى الأسدُ بالمعلّمين في المدارس').stems);
    for (const stem of analyzer.analyze('الاسد المعلمون').stems) assert.ok(doc.has(stem), stem);
  });

  it('handles empty text', () => {
    assert.deepEqual(createArabicAnalyzer().analyze(''), { tokens: [], surface: [], stems: [] });
  });
});
