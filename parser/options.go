package parser

import (
	"maps"
	"slices"
)

// Options shares equal table options within one parse. Tables repeat
// the same few (ENGINE=InnoDB DEFAULT CHARSET=utf8mb4), and a map of them
// per table was 12 MiB of the 10,000-table MySQL pair, half of it in
// spans the parse's garbage had left nearly empty (see Slab).
//
// The zero Options is ready to use. It is not safe for concurrent use.
type Options struct {
	seen map[string]map[string]string
}

// Share returns a map equal to m that may be shared, or nil for an empty
// m. Neither m nor the result may be written afterwards.
func (o *Options) Share(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	var b []byte
	for _, k := range slices.Sorted(maps.Keys(m)) {
		b = appendLenPrefixed(appendLenPrefixed(b, k), m[k])
	}
	if s, ok := o.seen[string(b)]; ok {
		return s
	}
	if o.seen == nil {
		o.seen = map[string]map[string]string{}
	}
	o.seen[string(b)] = m
	return m
}
