#!/bin/sh
# Runs kgex on one kind of hostile or unusual input, made on the fly, and prints
# kgex's messages and "exit=N". Usage: hostile.sh KGEX WORKDIR CASE
kgex=$1 dir=$2 case=$3
mkdir -p "$dir"
in="$dir/$case.txt"
repeat() { awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }
case $case in
  nul) printf 'ab\000cd' > "$in" ;;
  invalid) printf '\352\265\254\352\270\200\354\235\230 \377\376 \354\240\234\355\222\210' > "$in" ;;
  parens) { repeat '(' 10000; printf '구글'; repeat ')' 5000; } > "$in" ;;
  particles) repeat '의 는 을 를 ' 20000 > "$in" ;;
  punctuation) repeat '.,!?()|' 50000 > "$in" ;;
  token) repeat a 1048576 > "$in" ;;
  line100) repeat '구글의 Gemini와 OpenAI의 ChatGPT가 경쟁한다. Stripe uses Python and Rust. ' 1250000 > "$in" ;;
  deep-json) { repeat '[' 100000; repeat ']' 100000; } > "$dir/deep.jsonld"
    "$kgex" convert "$dir/deep.jsonld" "$dir/deep.graphml" 2>&1; echo "exit=$?"; exit 0 ;;
  *) echo "unknown case $case"; exit 2 ;;
esac
shift 3
"$kgex" extract "$in" "$@" -o "$dir/$case.jsonld" 2>&1
echo "exit=$?"
