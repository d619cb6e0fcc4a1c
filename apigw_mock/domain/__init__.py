"""The domain graph: one pydantic model per AWS object, snake_case fields, camelCase (wire) aliases."""
