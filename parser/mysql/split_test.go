package mysql

import "testing"

// TestKeywordMatching: is and lookupWord match a word token against an
// upper-case keyword in any letter case, and nothing else.
func TestKeywordMatching(t *testing.T) {
	words := map[string]int{"DEFAULT": 1, "ROW_FORMAT": 2}
	for _, tc := range []struct {
		tok  token
		is   bool // is("DEFAULT")
		want int  // lookupWord(words, tok)
	}{
		{token{kind: tkWord, text: "default"}, true, 1},
		{token{kind: tkWord, text: "DeFault"}, true, 1},
		{token{kind: tkWord, text: "row_format"}, false, 2},
		{token{kind: tkIdent, text: "default"}, false, 0}, // `default` is a name
		{token{kind: tkString, text: "DEFAULT"}, false, 0},
		{token{kind: tkWord, text: "defaults"}, false, 0},
		{token{kind: tkWord, text: "defaul"}, false, 0},
		{token{kind: tkWord, text: "défault"}, false, 0},
		{token{kind: tkWord, text: "a_word_longer_than_any_keyword_there_is"}, false, 0},
	} {
		if got := tc.tok.is("DEFAULT"); got != tc.is {
			t.Errorf("%+v is DEFAULT = %v, want %v", tc.tok, got, tc.is)
		}
		got, ok := lookupWord(words, tc.tok)
		if got != tc.want || ok != (tc.want != 0) {
			t.Errorf("lookupWord(%+v) = %d, %v, want %d", tc.tok, got, ok, tc.want)
		}
	}
}
