package vn.docaxis.evidence;

import java.time.LocalDate;

/** The VERIFY.txt of an audit export: how to check it with xmlsec1, sha256sum and a POSIX shell. */
final class VerifyText {

    static final String COMMANDS_START = "----- commands -----";
    static final String COMMANDS_END = "----- end of commands -----";

    private VerifyText() {
    }

    static String of(String agency, LocalDate from, LocalDate to) {
        return """
                docaxis audit export
                ====================

                Scope: %s, from %s to %s (days in Vietnam, UTC+7), inclusive.

                Contents
                  evidence/NNNNNNNNNNNN.xml   one file per evidence, named by its sequence number in
                                              the axis's single evidence chain
                  checkpoints/checkpoint-N.xml  signed statements of the chain's head (last sequence,
                                              its hash, the count) covering the evidence above
                  axis.pem                    the certificate of the axis key that signed them
                                              (axis-previous-*.pem: keys it used before, if any)
                  index.csv                   one line per evidence: sequence, event, time, package,
                                              DocumentId, SHA-256
                  MANIFEST.sha256             the SHA-256 of every other file (sha256sum format)

                What each evidence proves is written in it: the event (SUBMISSION_ACCEPTED,
                MADE_AVAILABLE, RETRIEVED, STATUS_RELAYED, ...), its UTC time, who acted, the
                agencies involved, the package and the SHA-256 of its exact bytes and attachments,
                and the SHA-256 of the previous evidence in the chain (PreviousHash).

                Before you start, make sure axis.pem is the axis certificate you trust: compare its
                fingerprint (openssl x509 -in axis.pem -noout -fingerprint -sha256) with the one the
                operator published. Everything below trusts that certificate and nothing else.

                How to check, in this directory after unzipping (needs xmlsec1 and sha256sum):

                %s
                set -e
                # 1. Every file is the one the axis exported.
                sha256sum -c --quiet MANIFEST.sha256
                # 2. Every evidence and checkpoint carries a valid signature of the axis key.
                for f in evidence/*.xml checkpoints/*.xml; do
                  [ -e "$f" ] || continue
                  xmlsec1 --verify --trusted-pem axis.pem "$f" > /dev/null 2>&1 \\
                    || { echo "SIGNATURE DOES NOT VERIFY: $f"; exit 1; }
                done
                # 3. Consecutive evidences are linked: the PreviousHash of N is the SHA-256 of N-1.
                prev_seq=""; prev_hash=""
                for f in evidence/*.xml; do
                  [ -e "$f" ] || continue
                  seq=$(sed -n 's:.*<Sequence>\\([0-9]*\\)</Sequence>.*:\\1:p' "$f")
                  link=$(sed -n 's:.*<PreviousHash>\\([0-9a-f]*\\)</PreviousHash>.*:\\1:p' "$f")
                  if [ -n "$prev_seq" ] && [ "$seq" -eq $((prev_seq + 1)) ] && [ "$link" != "$prev_hash" ]; then
                    echo "BROKEN LINK: evidence $seq does not follow evidence $prev_seq"; exit 1
                  fi
                  prev_seq=$seq; prev_hash=$(sha256sum "$f" | cut -d' ' -f1)
                done
                # 4. A checkpoint's last evidence, when it is in this export, has the hash it states.
                for k in checkpoints/*.xml; do
                  [ -e "$k" ] || continue
                  last=$(sed -n 's:.*<LastSequence>\\([0-9]*\\)</LastSequence>.*:\\1:p' "$k")
                  hash=$(sed -n 's:.*<LastHash>\\([0-9a-f]*\\)</LastHash>.*:\\1:p' "$k")
                  f=$(printf 'evidence/%%012d.xml' "$last")
                  if [ -e "$f" ] && [ "$(sha256sum "$f" | cut -d' ' -f1)" != "$hash" ]; then
                    echo "CHECKPOINT DOES NOT MATCH: $k"; exit 1
                  fi
                done
                echo "ALL CHECKS PASSED"
                %s

                Notes
                - An export for one agency holds that agency's evidence only, so the chain has gaps
                  between agencies; links are checked where sequence numbers are consecutive. An
                  export without an agency holds the whole chain for the period.
                - Keep the checkpoints: a later export must still contain every evidence up to the
                  LastSequence of a checkpoint you hold, with the same hash. POST a kept checkpoint to
                  /api/v1/audit/verify-chain to have the axis check its whole chain against it.
                - If the axis certificate has expired by the time you check, add
                  --verification-time "YYYY-MM-DD HH:MM:SS" (a time within its validity) to xmlsec1.
                """.formatted(agency == null ? "every agency" : "agency " + agency, from, to, COMMANDS_START,
                COMMANDS_END);
    }
}
