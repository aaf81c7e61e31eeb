package schema_test

import (
	"reflect"
	"testing"

	"github.com/zdplan/zdplan/schema"
)

// TestCopy fills every exported field of a Schema and checks that Copy
// carries each over.
func TestCopy(t *testing.T) {
	var s schema.Schema
	v := reflect.ValueOf(&s).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		if !v.Type().Field(i).IsExported() {
			continue
		}
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		default:
			t.Fatalf("field %s: kind %s not handled by this test", v.Type().Field(i).Name, f.Kind())
		}
	}
	c := reflect.ValueOf(s.Copy()).Elem()
	for i := range v.NumField() {
		if !v.Type().Field(i).IsExported() {
			continue
		}
		if c.Field(i).IsZero() {
			t.Errorf("Copy leaves out field %s", v.Type().Field(i).Name)
		}
	}
}
