#!/usr/bin/env python3
"""Write the generated inputs of the t2s golden tests (tests/fixtures/t2s/).

usage: scripts/gen_t2s_golden.py TSPhrases.txt TSCharacters.txt CJK_Compat.txt OUTDIR
(run by scripts/gen-t2s-golden.sh, which then converts each input with OpenCC.)

* dictionary.txt: every TSCharacters and CJK_Compatibility_Ideographs key, alone and
  between other characters; every TSPhrases key alone, inside text, next to ASCII and
  punctuation, overlapping other keys and cut short.
* random.txt: deterministic pseudo-random text over the characters of the dictionaries,
  common simplified characters, digits, ASCII and punctuation, dense in phrase keys.
"""
import random
import sys


def load(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line:
                k, v = line.split("\t")
                out.append((k, v.split(" ")))
    return out


def main():
    phrases, chars, norm, outdir = load(sys.argv[1]), load(sys.argv[2]), load(sys.argv[3]), sys.argv[4]
    phrases.sort()
    chars.sort()
    norm.sort()
    keys = [k for k, _ in phrases]
    lines = []
    # Characters alone, in runs, and each value (simplified side) too.
    for i in range(0, len(chars), 40):
        part = chars[i : i + 40]
        lines.append("".join(k for k, _ in part))
        lines.append(" ".join(k for k, _ in part))
        lines.append("".join(v for _, vs in part for v in vs))
    for i in range(0, len(norm), 40):
        lines.append("".join(k for k, _ in norm[i : i + 40]))
    # Phrases alone, in text, next to ASCII and punctuation, cut short.
    for k, vs in phrases:
        lines.append(k)
        lines.append("的" + k + "了")
        lines.append("a" + k + "1," + k[:-1] + "。" + k[1:] + "(" + "".join(vs) + ")")
    # Overlaps: a key followed by a key that starts with its last character, and keys
    # that share a prefix.
    by_first = {}
    for k in keys:
        by_first.setdefault(k[0], []).append(k)
    for k in keys:
        for other in by_first.get(k[-1], [])[:3]:
            lines.append(k + other[1:])
            lines.append(k[:-1] + other)
        for other in by_first.get(k[0], [])[:4]:
            if other != k:
                lines.append(k + other)
    with open(outdir + "/dictionary.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    rng = random.Random(20241201)
    common = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
    pool = (
        [k for k, _ in chars] * 2
        + [v for _, vs in chars for v in vs[:1]]
        + list(common) * 6
        + [k for k, _ in norm[:100]]
    )
    punct = ["", "", "", ",", "。", "、", "(", ")", " ", "  ", "1", "2021", "a", "|", ":", "\t"]
    out = []
    size = 0
    while size < 200_000:
        line = []
        for _ in range(rng.randint(1, 60)):
            r = rng.random()
            if r < 0.25:
                k = rng.choice(keys)
                cut = rng.random()
                if cut < 0.15:
                    k = k[: rng.randint(1, len(k))]
                elif cut < 0.3:
                    k = k[rng.randint(0, len(k) - 1) :]
                line.append(k)
            elif r < 0.9:
                line.append(rng.choice(pool))
            else:
                line.append(rng.choice(punct))
        s = "".join(line)
        out.append(s)
        size += len(s.encode("utf-8")) + 1
    with open(outdir + "/random.txt", "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
