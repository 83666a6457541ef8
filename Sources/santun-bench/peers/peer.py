#!/usr/bin/env python3
"""Peer tools that `santun-bench --peers` times against Santun on the same drafts.

    peer.py indonlp FILE                 indoNLP: undo elongation, then replace slang (one line at a time)
    peer.py better-profanity FILE [WORDS] better_profanity: censor each line; WORDS adds a word list
                                          (one word or phrase a line, e.g. Santun's lexicon words)

Both print one output line per input line, as a linter's caller would consume them. Install the
tools into a throwaway virtual environment (never committed):

    python3 -m venv /tmp/peers-bench
    /tmp/peers-bench/bin/pip install indonlp==0.3.4 better-profanity==0.7.0
"""
import sys


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    tool, path = sys.argv[1], sys.argv[2]
    if tool == "indonlp":
        from indoNLP.preprocessing import pipeline, replace_slang, replace_word_elongation
        run = pipeline([replace_word_elongation, replace_slang])
    elif tool == "better-profanity":
        from better_profanity import profanity
        profanity.load_censor_words()
        if len(sys.argv) > 3:
            with open(sys.argv[3], encoding="utf-8") as handle:
                profanity.add_censor_words([line.strip() for line in handle if line.strip()])
        run = profanity.censor
    else:
        print(f"peer.py: unknown tool {tool!r}", file=sys.stderr)
        return 2
    out = sys.stdout
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            out.write(run(line.rstrip("\n")))
            out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
