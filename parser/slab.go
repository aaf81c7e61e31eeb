package parser

import (
	"unsafe"

	"github.com/zdplan/zdplan/schema"
)

// Slab keeps the small slices and structs a model holds for good together,
// a few thousand to a chunk, instead of scattered among the garbage a
// parse makes of the same size. Scattered, each kept object holds on to
// the span its size class shares with that garbage: after planning the
// 10,000-table PostgreSQL pair, the spans of its tables' constraint lists
// (64 bytes) were 7% full, and those of their column lists (256 bytes)
// 22%, 37 MiB in all that the collector could not reuse, under a memory
// limit that leaves it little else.
//
// The zero Slab is ready to use. It is not safe for concurrent use.
type Slab[T any] struct {
	free []T
}

// slabChunk is the size of a chunk in bytes: a page.
const slabChunk = 8 << 10

// Clone returns a copy of s that shares a chunk with other clones, or nil
// for an empty s. Its capacity is its length, so that an append to it
// copies it instead of writing over the next clone.
func (b *Slab[T]) Clone(s []T) []T {
	if len(s) == 0 {
		return nil
	}
	b.reserve(len(s))
	i := len(b.free)
	b.free = append(b.free, s...)
	return b.free[i:len(b.free):len(b.free)]
}

// Put returns a pointer to a copy of v in a chunk.
func (b *Slab[T]) Put(v T) *T {
	p := b.New()
	*p = v
	return p
}

// New returns a pointer to a new zero T in a chunk.
func (b *Slab[T]) New() *T {
	b.reserve(1)
	b.free = b.free[:len(b.free)+1]
	return &b.free[len(b.free)-1]
}

// reserve makes room for n more elements, in a new chunk if need be.
func (b *Slab[T]) reserve(n int) {
	if cap(b.free)-len(b.free) >= n {
		return
	}
	var zero T
	b.free = make([]T, 0, max(n, slabChunk/max(int(unsafe.Sizeof(zero)), 1)))
}

// Slabs are the slabs a parser keeps a model's small objects and lists
// in. The objects are allocated from them directly; the lists are built
// as usual and moved in once complete, by KeepTable and KeepIndex, which
// also share equal column names: tables repeat the same few (id, name,
// created_at), each otherwise a string of its own.
//
// The zero Slabs is ready to use. It is not safe for concurrent use.
type Slabs struct {
	Constraints Slab[schema.Constraint]
	References  Slab[schema.Reference]
	Sequences   Slab[schema.Sequence]
	Owners      Slab[schema.ColumnRef]
	Views       Slab[schema.View]

	columnLists     Slab[*schema.Column]
	constraintLists Slab[*schema.Constraint]
	nameLists       Slab[string]
	keyLists        Slab[schema.IndexKey]
	names           map[string]string
}

// KeepTable moves a complete table's column and constraint lists, and
// its constraints' column lists, into the slabs.
func (s *Slabs) KeepTable(t *schema.Table) {
	t.Columns = s.columnLists.Clone(t.Columns)
	for _, c := range t.Columns {
		c.Name = s.name(c.Name)
	}
	t.Constraints = s.constraintLists.Clone(t.Constraints)
	for _, c := range t.Constraints {
		c.Columns = s.nameList(c.Columns)
		if c.Ref != nil {
			c.Ref.Columns = s.nameList(c.Ref.Columns)
		}
	}
}

// KeepIndex moves a complete index's keys into the slabs.
func (s *Slabs) KeepIndex(i *schema.Index) {
	i.Keys = s.keyLists.Clone(i.Keys)
	for k := range i.Keys {
		i.Keys[k].Column = s.name(i.Keys[k].Column)
	}
}

// name returns a string equal to n that may be shared.
func (s *Slabs) name(n string) string {
	if m, ok := s.names[n]; ok {
		return m
	}
	if s.names == nil {
		s.names = map[string]string{}
	}
	s.names[n] = n
	return n
}

// nameList moves a list of column names into the slabs, sharing them.
func (s *Slabs) nameList(ns []string) []string {
	ns = s.nameLists.Clone(ns)
	for i, n := range ns {
		ns[i] = s.name(n)
	}
	return ns
}
