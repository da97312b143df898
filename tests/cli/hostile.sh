#!/bin/sh
# Runs kgex on one kind of hostile or unusual input, made on the fly, and prints
# kgex's messages and "exit=N". Usage: hostile.sh KGEX WORKDIR CASE
kgex=$1 dir=$2 case=$3
mkdir -p "$dir"
in="$dir/$case.txt"
sentence='구글의 Gemini는 모델이다.'
repeat() { awk -v s="$1" -v n="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }
case $case in
  nul) printf 'ab\000cd' > "$in" ;;
  invalid) printf '\352\265\254\352\270\200\354\235\230 \377\376 \354\240\234\355\222\210' > "$in" ;;
  parens) { repeat '(' 10000; printf '구글'; repeat ')' 5000; } > "$in" ;;
  particles) repeat '의 는 을 를 ' 20000 > "$in" ;;
  punctuation) repeat '.,!?()|' 50000 > "$in" ;;
  token) repeat a 1048576 > "$in" ;;
  line100) repeat '구글의 Gemini와 OpenAI의 ChatGPT가 경쟁한다. Stripe uses Python and Rust. ' 1250000 > "$in" ;;
  bom) { printf '\357\273\277'; printf '%s' "$sentence"; } > "$in" ;;
  utf16le) { printf '\377\376'; printf '%s' "$sentence" | iconv -f UTF-8 -t UTF-16LE; } > "$in" ;;
  utf16be) { printf '\376\377'; printf '%s' "$sentence" | iconv -f UTF-8 -t UTF-16BE; } > "$in" ;;
  folder) rm -rf "$dir/folder" && mkdir -p "$dir/folder"
    printf '%s' "$sentence" > "$dir/folder/a-good.txt"
    printf 'Stripe uses \377 Python.' > "$dir/folder/b-invalid.txt"
    printf 'OpenAI의 ChatGPT' > "$dir/folder/c-good.txt"
    in="$dir/folder" ;;
  deep-xml) { printf '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">'
      repeat '<x>' 100000; repeat '</x>' 100000; printf '</graph></graphml>'; } > "$dir/deep.graphml"
    "$kgex" convert "$dir/deep.graphml" "$dir/deep-xml.jsonld" 2>&1; echo "exit=$?"; exit 0 ;;
  deep-json) { repeat '[' 100000; repeat ']' 100000; } > "$dir/deep.jsonld"
    "$kgex" convert "$dir/deep.jsonld" "$dir/deep.graphml" 2>&1; echo "exit=$?"; exit 0 ;;
  *) echo "unknown case $case"; exit 2 ;;
esac
shift 3
rm -f "$dir/$case.jsonld"
"$kgex" extract "$in" "$@" -o "$dir/$case.jsonld" 2>&1
echo "exit=$?"
# Offsets count from the first character after a BOM, in UTF-8 bytes.
[ -f "$dir/$case.jsonld" ] && grep -m 1 -o '"byteStart": [0-9][0-9]*' "$dir/$case.jsonld"
exit 0
