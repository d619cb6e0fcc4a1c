"""The domain graph: one `msgspec.Struct` per AWS object, snake_case fields, camelCase (wire) aliases."""
